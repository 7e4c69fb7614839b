package io.inkstone.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transparency figures from the one moderation model, without Spring. */
class TransparencyReportTests {

	static final long HOUR = 3_600_000L;

	static Report report(long id, String reason, String status) {
		return new Report(id, "JB-" + id, "article", id, id, 1L, reason, null, null, "k", null, status, null, null,
				null, null, null, "none", null, null, null, null, 0, null, null, null);
	}

	static ModerationDecision decision(long id, String source, ModerationAction action, String reason, String rule,
			long hoursToDecide, String appeal) {
		return new ModerationDecision(id, "X-" + id, source, null, "article", id, id, 1L, action.code(), reason, rule,
				"s", 9L, hoursToDecide * HOUR, 0, appeal, null, null, null, null, null);
	}

	@Test
	void countsNoticesAndEveryDecisionBySourceActionRuleAndAppeal() {
		TransparencyReport t = TransparencyReport.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
				List.of(report(1, "infringement", "decided"), report(2, "infringement", "decided"),
						report(3, "rumour", "open")),
				List.of(decision(1, "report", ModerationAction.TAKE_DOWN, "infringement", "第 3 条", 1, "reversed"),
						decision(2, "copyright", ModerationAction.TAKE_DOWN, "infringement", "第 3 条", 3, "upheld"),
						decision(4, "review", ModerationAction.REJECT, "spam", null, 5, "open"),
						decision(5, "review", ModerationAction.APPROVE, "ok", null, 7, "none")));
		assertThat(t.received()).isEqualTo(3);
		assertThat(t.open()).isEqualTo(1);
		assertThat(t.decided()).isEqualTo(4);
		assertThat(t.bySource()).containsEntry("report", 1L).containsEntry("copyright", 1L).containsEntry("review", 2L);
		assertThat(t.byAction()).containsEntry("take-down", 2L)
			.containsEntry("reject", 1L)
			.containsEntry("approve", 1L)
			.containsEntry("hide-comment", 0L);
		assertThat(t.byRule()).containsExactly(Map.entry("第 3 条", 2L));
		assertThat(t.byReasonAndOutcome().get("infringement")).containsEntry("take-down", 2L);
		assertThat(t.byReasonAndOutcome().get("rumour")).containsEntry("open", 1L);
		assertThat(t.takedownsByReason()).containsEntry("infringement", 2L);
		assertThat(t.appeals()).isEqualTo(3);
		assertThat(t.appealsReversed()).isEqualTo(1);
		assertThat(t.appealsUpheld()).isEqualTo(1);
		assertThat(t.appealsOpen()).isEqualTo(1);
		assertThat(t.medianHoursToDecision()).isEqualTo(4.0);
		assertThat(t.csv()).contains("infringement,take-down,2")
			.contains("source,review,2")
			.contains("action,reject,1")
			.contains("all,appeals_reversed,1");
	}

	@Test
	void anEmptyPeriodHasNoMedian() {
		TransparencyReport t = TransparencyReport.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of(),
				List.of());
		assertThat(t.medianHoursToDecision()).isNull();
		assertThat(t.appeals()).isZero();
	}

}
