package io.inkstone.governance;

/**
 * One moderation decision, whichever way it came: {@code source} is {@code report} (a
 * reader's report), {@code review} (a reviewer's decision on an article the machine
 * checks held) or {@code copyright} (a rights holder's notice). It names its subject, the
 * action taken, the reason code (a report reason or a review reason), the rule applied,
 * the decider's statement, and its one appeal: {@code appealStatus} is {@code none},
 * {@code open}, {@code upheld} (the decision stands) or {@code reversed} (the appeal
 * succeeded and the action was undone).
 */
public record ModerationDecision(long id, String ref, String source, Long reportId, String subjectType, long subjectId,
		Long articleId, Long creatorId, String action, String reason, String ruleText, String statement, Long decidedBy,
		long decidedAt, long receivedAt, String appealStatus, String appealText, Long appealedAt, Long appealDecidedBy,
		Long appealDecidedAt, String appealNote) {

	public static final String REPORT = "report";

	public static final String REVIEW = "review";

	public static final String COPYRIGHT = "copyright";

	/** Staff acting on a live article's machine findings (机审记录). */
	public static final String MACHINE = "machine";

	public ModerationAction kind() {
		return ModerationAction.parse(action).orElse(ModerationAction.NO_ACTION);
	}

	/** A rights holder's notice: its appeal is the creator's counter-notice. */
	public boolean copyright() {
		return COPYRIGHT.equals(source);
	}

	public boolean appealable() {
		return kind().appealable() && "none".equals(appealStatus);
	}

	public boolean appealOpen() {
		return "open".equals(appealStatus);
	}

	/** The bundle key of the reason's label: a report reason or a review reason. */
	public String reasonKey() {
		return (REVIEW.equals(source) || MACHINE.equals(source) ? "review.reason." : "report.reason.") + reason;
	}

	/** Where the affected account reads the statement and appeals. */
	public String appealPath() {
		return "/appeals/" + id;
	}

}
