package io.inkstone.governance;

import jakarta.validation.constraints.Pattern;

/**
 * Staff's answer to an appeal as posted; the message of each constraint is a
 * message-bundle key. The note's rule is {@link AppealRules#checkAppealDecision}'s, which
 * first refuses a decider deciding their own decision's appeal (403).
 */
record AppealDecisionForm(
		@Pattern(regexp = "uphold|reverse", message = "problem.governance.upholdOrReverse") String outcome,
		String note) {

	AppealDecisionForm {
		outcome = outcome == null ? "" : outcome;
		note = note == null ? "" : note;
	}

	boolean reverse() {
		return "reverse".equals(outcome);
	}

}
