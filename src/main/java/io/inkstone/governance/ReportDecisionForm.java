package io.inkstone.governance;

import java.util.Map;

/**
 * A reviewer's decision on a report as posted: the decision, the rule of the 平台公约, the
 * statement and the statement of reasons per language. Its rules are
 * {@link Reports#decide}'s; {@link #fieldOf} says which field a refusal is about, so the
 * page ties it there.
 */
record ReportDecisionForm(String decision, String rule, String statement, String sorZh, String sorEn) {

	ReportDecisionForm {
		decision = decision == null ? "" : decision;
		rule = rule == null ? "" : rule;
		statement = statement == null ? "" : statement;
		sorZh = sorZh == null ? "" : sorZh;
		sorEn = sorEn == null ? "" : sorEn;
	}

	Map<String, String> values() {
		return Map.of("decision", decision, "rule", rule, "statement", statement);
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.governance.chooseADecision", "problem.governance.thisDecisionDoesNotFitThe",
					"problem.governance.noCreatorToRestrict" ->
				"decision";
			case "problem.governance.aRuleAndAStatementOf" -> rule.isBlank() ? "rule" : "statement";
			case "problem.governance.ruleOrStatementTooLong" -> rule.strip().length() > 300 ? "rule" : "statement";
			case "problem.governance.ruleNotInCommunityRules" -> "rule";
			case "problem.governance.tooLong" -> DecisionWording.tooLong(sorZh, sorEn);
			default -> null;
		};
	}

}
