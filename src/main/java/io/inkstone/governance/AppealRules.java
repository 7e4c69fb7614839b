package io.inkstone.governance;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.NotFoundException;

/**
 * The rules of the one appeal flow, whatever the decision's source: only the affected
 * account appeals, once, with its reasons, and only an action that took something away; a
 * different staff member than the decider decides, with a reason; a reversal undoes the
 * action by its kind ({@link ModerationAction#undo()}). Pure: no database, no Spring.
 */
final class AppealRules {

	static final int MAX_TEXT = 2000;

	private AppealRules() {
	}

	/**
	 * Refuses an appeal that may not be filed: someone else's decision (404, it is not
	 * theirs to see), no reasons or too long (400), a second appeal or a decision that
	 * cannot be appealed (400). Returns the cleaned text.
	 */
	static String checkAppeal(ModerationDecision decision, boolean affectsCaller, String text) {
		if (!affectsCaller) {
			throw new NotFoundException("no such decision");
		}
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty() || clean.length() > MAX_TEXT) {
			throw new BadRequestException("problem.governance.explainYourAppeal");
		}
		if (!"none".equals(decision.appealStatus())) {
			throw new BadRequestException("problem.governance.oneAppealPerDecision");
		}
		if (!decision.kind().appealable()) {
			throw new BadRequestException("problem.governance.notAppealable");
		}
		return clean;
	}

	/** Whether this staff member may decide the decision's appeal (not its decider). */
	static boolean mayDecide(ModerationDecision decision, long staff) {
		return decision.decidedBy() == null || decision.decidedBy() != staff;
	}

	/**
	 * Refuses an appeal decision that may not be made: no open appeal (400), the decider
	 * deciding their own decision's appeal (403), no reason (400). Returns the cleaned
	 * note.
	 */
	static String checkAppealDecision(ModerationDecision decision, long staff, String note) {
		if (!decision.appealOpen()) {
			throw new BadRequestException("problem.governance.noOpenAppeal");
		}
		if (!mayDecide(decision, staff)) {
			throw new ForbiddenException("problem.governance.anAppealIsDecidedByA");
		}
		String clean = note == null ? "" : note.strip();
		if (clean.isEmpty() || clean.length() > MAX_TEXT) {
			throw new BadRequestException("problem.governance.aReasonIsRequired");
		}
		return clean;
	}

	/** What a decided appeal does: nothing when the decision stands, else its undo. */
	static ModerationAction.Undo undoFor(ModerationDecision decision, boolean reverse) {
		return reverse ? decision.kind().undo() : ModerationAction.Undo.NOTHING;
	}

}
