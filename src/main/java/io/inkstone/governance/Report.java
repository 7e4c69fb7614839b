package io.inkstone.governance;

/** A report and everything that happened to it. */
public record Report(long id, String ref, String targetType, long targetId, Long articleId, Long creatorId,
		String reason, String detail, String evidence, String reporterKey, Long reporterAccount, String status,
		String decision, String decisionRule, String decisionNote, Long decidedBy, Long decidedAt, String appealStatus,
		String appealText, Long appealedAt, Long appealDecidedBy, Long appealDecidedAt, long createdAt,
		String claimantName, String claimantContact, String originalWork) {

	/**
	 * A rights holder's notice (notice-and-takedown); its appeal is the creator's
	 * counter-notice.
	 */
	public boolean copyright() {
		return claimantName != null;
	}

	public boolean open() {
		return "open".equals(status);
	}

	public boolean appealOpen() {
		return "open".equals(appealStatus);
	}

	public boolean appealable() {
		return "decided".equals(status) && !"no-action".equals(decision) && "none".equals(appealStatus);
	}

}
