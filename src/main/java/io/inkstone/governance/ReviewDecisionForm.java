package io.inkstone.governance;

import java.util.Map;

/**
 * A reviewer's decision on a held article as posted: the outcome, the reason code, the
 * rule of the 平台公约, the note and the statement of reasons per language. Its rules are
 * {@link ArticleReviews#decide}'s; {@link #fieldOf} says which field a refusal is about,
 * so the page ties it there.
 */
record ReviewDecisionForm(String outcome, String reasonCode, String rule, String note, String sorZh, String sorEn) {

	ReviewDecisionForm {
		outcome = outcome == null ? "" : outcome;
		reasonCode = reasonCode == null ? "" : reasonCode;
		rule = rule == null ? "" : rule;
		note = note == null ? "" : note;
		sorZh = sorZh == null ? "" : sorZh;
		sorEn = sorEn == null ? "" : sorEn;
	}

	Map<String, String> values() {
		return Map.of("outcome", outcome, "reasonCode", reasonCode, "rule", rule, "note", note);
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.governance.chooseAnOutcome" -> "outcome";
			case "problem.governance.chooseAReasonCode" -> "reasonCode";
			case "problem.governance.explainTheDecision" -> "note";
			case "problem.governance.aRejectionNeedsARule", "problem.governance.ruleNotInCommunityRules" -> "rule";
			case "problem.governance.tooLong" -> note.strip().length() > 2000 ? "note"
					: rule.strip().length() > 300 ? "rule" : DecisionWording.tooLong(sorZh, sorEn);
			default -> null;
		};
	}

}
