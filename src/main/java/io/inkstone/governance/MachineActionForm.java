package io.inkstone.governance;

import java.util.Map;

/**
 * Staff's action on a machine-flagged article as posted: hold it, or take it down with a
 * review reason, the rule of the 平台公约 and a statement. The take-down's rules are
 * {@link MachineFindings#takeDown}'s; {@link #fieldOf} says which field a refusal is
 * about, so the row's form ties it there.
 */
record MachineActionForm(String action, String reason, String rule, String statement) {

	MachineActionForm {
		action = action == null ? "" : action;
		reason = reason == null ? "" : reason;
		rule = rule == null ? "" : rule;
		statement = statement == null ? "" : statement;
	}

	Map<String, String> values() {
		return Map.of("reason", reason, "rule", rule, "statement", statement);
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.governance.chooseAReasonCode" -> "reason";
			case "problem.machine.ruleRequired", "problem.governance.ruleNotInCommunityRules" -> "rule";
			case "problem.governance.explainTheDecision" -> "statement";
			case "problem.governance.tooLong" -> statement.strip().length() > 2000 ? "statement" : "rule";
			default -> null;
		};
	}

}
