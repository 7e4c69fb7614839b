package io.inkstone.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public transparency report for a period. Notices received (reports and rights
 * holders' notices) and those still open come from the reports; every other figure comes
 * from the one moderation model: decisions by source, action and rule, the reason ×
 * outcome table of notices, takedowns by reason, the median time from receipt to
 * decision, and appeals received, reversed (the appeal succeeded), upheld (the decision
 * stands) and open.
 */
public record TransparencyReport(LocalDate from, LocalDate to, long received, long decided, long open,
		Map<String, Map<String, Long>> byReasonAndOutcome, Map<String, Long> takedownsByReason,
		Double medianHoursToDecision, long appeals, long appealsUpheld, long appealsReversed, long appealsOpen,
		Map<String, Long> bySource, Map<String, Long> byAction, Map<String, Long> byRule) {

	public static final List<String> OUTCOMES = List.of("open", "no-action", "hide-comment", "take-down",
			"restrict-creator");

	public static final List<String> SOURCES = List.of(ModerationDecision.REPORT, ModerationDecision.REVIEW,
			ModerationDecision.COPYRIGHT);

	/** The most frequent rules shown; the rest are counted under "other". */
	static final int RULES_SHOWN = 20;

	/**
	 * @param notices reports and notices received in the period
	 * @param decisions decisions on cases received in the period
	 */
	static TransparencyReport of(LocalDate from, LocalDate to, List<Report> notices,
			List<ModerationDecision> decisions) {
		Map<String, Map<String, Long>> table = new LinkedHashMap<>();
		for (ReportReason reason : ReportReason.values()) {
			Map<String, Long> row = new LinkedHashMap<>();
			OUTCOMES.forEach(o -> row.put(o, 0L));
			table.put(reason.code(), row);
		}
		long open = 0;
		for (Report r : notices) {
			if (r.open()) {
				open++;
				table.computeIfAbsent(r.reason(), k -> new LinkedHashMap<>()).merge("open", 1L, Long::sum);
			}
		}
		Map<String, Long> bySource = new LinkedHashMap<>();
		SOURCES.forEach(s -> bySource.put(s, 0L));
		Map<String, Long> byAction = new LinkedHashMap<>();
		Arrays.stream(ModerationAction.values()).forEach(a -> byAction.put(a.code(), 0L));
		Map<String, Long> rules = new LinkedHashMap<>();
		Map<String, Long> takedowns = new LinkedHashMap<>();
		List<Long> durations = new ArrayList<>();
		long appeals = 0;
		long upheld = 0;
		long reversed = 0;
		long appealsOpen = 0;
		for (ModerationDecision d : decisions) {
			bySource.merge(d.source(), 1L, Long::sum);
			byAction.merge(d.action(), 1L, Long::sum);
			if (d.ruleText() != null) {
				rules.merge(d.ruleText(), 1L, Long::sum);
			}
			if (!ModerationDecision.REVIEW.equals(d.source())) {
				table.computeIfAbsent(d.reason(), k -> new LinkedHashMap<>()).merge(d.action(), 1L, Long::sum);
				if (d.kind() == ModerationAction.TAKE_DOWN) {
					takedowns.merge(d.reason(), 1L, Long::sum);
				}
			}
			durations.add(Math.max(0, d.decidedAt() - d.receivedAt()));
			switch (d.appealStatus()) {
				case "open" -> {
					appeals++;
					appealsOpen++;
				}
				case "upheld" -> {
					appeals++;
					upheld++;
				}
				case "reversed" -> {
					appeals++;
					reversed++;
				}
				default -> {
				}
			}
		}
		return new TransparencyReport(from, to, notices.size(), decisions.size(), open, table, takedowns,
				median(durations), appeals, upheld, reversed, appealsOpen, bySource, byAction, topRules(rules));
	}

	private static Map<String, Long> topRules(Map<String, Long> rules) {
		Map<String, Long> top = new LinkedHashMap<>();
		List<Map.Entry<String, Long>> sorted = rules.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.toList();
		long rest = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (i < RULES_SHOWN) {
				top.put(sorted.get(i).getKey(), sorted.get(i).getValue());
			}
			else {
				rest += sorted.get(i).getValue();
			}
		}
		if (rest > 0) {
			top.put("…", rest);
		}
		return top;
	}

	static Double median(List<Long> millis) {
		if (millis.isEmpty()) {
			return null;
		}
		List<Long> sorted = millis.stream().sorted().toList();
		int n = sorted.size();
		double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
		return Math.round(middle / 36_000.0) / 100.0; // hours, two decimals
	}

	/**
	 * One CSV row per reason and outcome, per source and per action, then the summary
	 * lines.
	 */
	public String csv() {
		StringBuilder out = new StringBuilder("\uFEFFperiod_from,period_to,reason,outcome,count\n");
		byReasonAndOutcome.forEach((reason, row) -> row.forEach((outcome, count) -> line(out, reason, outcome, count)));
		bySource.forEach((source, count) -> line(out, "source", source, count));
		byAction.forEach((action, count) -> line(out, "action", action, count));
		line(out, "all", "received", received);
		line(out, "all", "decided", decided);
		out.append(from)
			.append(',')
			.append(to)
			.append(",all,median_hours_to_decision,")
			.append(medianHoursToDecision == null ? "" : medianHoursToDecision)
			.append('\n');
		line(out, "all", "appeals", appeals);
		line(out, "all", "appeals_reversed", appealsReversed);
		line(out, "all", "appeals_upheld", appealsUpheld);
		return out.toString();
	}

	private void line(StringBuilder out, String reason, String outcome, long count) {
		out.append(from)
			.append(',')
			.append(to)
			.append(',')
			.append(reason)
			.append(',')
			.append(outcome)
			.append(',')
			.append(count)
			.append('\n');
	}

}
