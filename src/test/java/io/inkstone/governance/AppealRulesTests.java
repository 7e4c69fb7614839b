package io.inkstone.governance;

import java.util.Arrays;
import java.util.Map;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.UserFacingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one appeal flow's rules, without Spring or a database: once per decision, only what
 * took something away, a different staff member decides with a reason, and a reversal
 * undoes each action kind by its own move.
 */
class AppealRulesTests {

	static final long DECIDER = 7;

	static final long OTHER = 8;

	static ModerationDecision decision(ModerationAction action, String appealStatus) {
		return new ModerationDecision(1, "JB-1", ModerationDecision.REPORT, 1L, "article", 10, 10L, 20L, action.code(),
				"infringement", "平台公约第 3 条", "全文照搬", DECIDER, 2_000, 1_000, appealStatus,
				"none".equals(appealStatus) ? null : "我有授权", null, null, null, null);
	}

	static String key(Throwable ex) {
		return ((UserFacingException) ex).messageKey();
	}

	@Test
	void theAffectedAccountAppealsATakedownOnceWithItsReasons() {
		assertThat(AppealRules.checkAppeal(decision(ModerationAction.TAKE_DOWN, "none"), true, "  我有授权  "))
			.isEqualTo("我有授权");
	}

	@Test
	void aSecondAppealIsRefused() {
		for (String status : new String[] { "open", "upheld", "reversed" }) {
			assertThatThrownBy(() -> AppealRules.checkAppeal(decision(ModerationAction.TAKE_DOWN, status), true, "再来"))
				.isInstanceOf(BadRequestException.class)
				.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.oneAppealPerDecision"));
		}
	}

	@Test
	void someoneElsesDecisionIsNotFoundRatherThanRefused() {
		assertThatThrownBy(() -> AppealRules.checkAppeal(decision(ModerationAction.TAKE_DOWN, "none"), false, "我"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void anAppealWithoutReasonsOrTooLongIsRefused() {
		ModerationDecision d = decision(ModerationAction.TAKE_DOWN, "none");
		for (String text : new String[] { null, "", "   ", "长".repeat(AppealRules.MAX_TEXT + 1) }) {
			assertThatThrownBy(() -> AppealRules.checkAppeal(d, true, text)).isInstanceOf(BadRequestException.class)
				.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.explainYourAppeal"));
		}
	}

	@Test
	void onlyAnActionThatTookSomethingAwayCanBeAppealed() {
		for (ModerationAction action : new ModerationAction[] { ModerationAction.NO_ACTION, ModerationAction.APPROVE,
				ModerationAction.NEEDS_CHANGES }) {
			assertThat(decision(action, "none").appealable()).as(action.code()).isFalse();
			assertThatThrownBy(() -> AppealRules.checkAppeal(decision(action, "none"), true, "申诉"))
				.isInstanceOf(BadRequestException.class)
				.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.notAppealable"));
		}
		for (ModerationAction action : new ModerationAction[] { ModerationAction.TAKE_DOWN,
				ModerationAction.HIDE_COMMENT, ModerationAction.RESTRICT_CREATOR, ModerationAction.REJECT }) {
			assertThat(decision(action, "none").appealable()).as(action.code()).isTrue();
		}
	}

	@Test
	void theDeciderMayNotDecideTheAppealOfTheirOwnDecision() {
		ModerationDecision d = decision(ModerationAction.TAKE_DOWN, "open");
		assertThat(AppealRules.mayDecide(d, DECIDER)).isFalse();
		assertThat(AppealRules.mayDecide(d, OTHER)).isTrue();
		assertThatThrownBy(() -> AppealRules.checkAppealDecision(d, DECIDER, "自己复核自己"))
			.isInstanceOf(ForbiddenException.class)
			.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.anAppealIsDecidedByA"));
		assertThat(AppealRules.checkAppealDecision(d, OTHER, " 合理引用 ")).isEqualTo("合理引用");
	}

	@Test
	void anAppealDecisionNeedsAnOpenAppealAndAReason() {
		for (String status : new String[] { "none", "upheld", "reversed" }) {
			assertThatThrownBy(
					() -> AppealRules.checkAppealDecision(decision(ModerationAction.TAKE_DOWN, status), OTHER, "理由"))
				.isInstanceOf(BadRequestException.class)
				.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.noOpenAppeal"));
		}
		assertThatThrownBy(
				() -> AppealRules.checkAppealDecision(decision(ModerationAction.TAKE_DOWN, "open"), OTHER, "  "))
			.isInstanceOf(BadRequestException.class)
			.satisfies(ex -> assertThat(key(ex)).isEqualTo("problem.governance.aReasonIsRequired"));
	}

	@Test
	void aReversalUndoesEachActionKindByItsOwnMoveAndAnUpheldDecisionUndoesNothing() {
		Map<ModerationAction, ModerationAction.Undo> expected = Map.of(ModerationAction.TAKE_DOWN,
				ModerationAction.Undo.REINSTATE_ARTICLE, ModerationAction.LABEL, ModerationAction.Undo.REMOVE_LABEL,
				ModerationAction.REJECT, ModerationAction.Undo.PUBLISH_ARTICLE, ModerationAction.HIDE_COMMENT,
				ModerationAction.Undo.RESTORE_COMMENT, ModerationAction.RESTRICT_CREATOR,
				ModerationAction.Undo.LIFT_RESTRICTION, ModerationAction.NO_ACTION, ModerationAction.Undo.NOTHING,
				ModerationAction.APPROVE, ModerationAction.Undo.NOTHING, ModerationAction.NEEDS_CHANGES,
				ModerationAction.Undo.NOTHING);
		assertThat(expected).hasSize(ModerationAction.values().length);
		Arrays.stream(ModerationAction.values()).forEach(action -> {
			ModerationDecision d = decision(action, "open");
			assertThat(AppealRules.undoFor(d, true)).as(action.code()).isEqualTo(expected.get(action));
			assertThat(AppealRules.undoFor(d, false)).as(action.code()).isEqualTo(ModerationAction.Undo.NOTHING);
		});
	}

	@Test
	void everyReportDecisionIsAnActionOfTheOneModel() {
		for (Decision d : Decision.values()) {
			assertThat(ModerationAction.of(d).code()).isEqualTo(d.code());
		}
		assertThat(ModerationAction.parse("take-down")).contains(ModerationAction.TAKE_DOWN);
		assertThat(ModerationAction.parse("nonsense")).isEmpty();
	}

}
