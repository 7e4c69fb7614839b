package io.inkstone.creators;

/** A 申请入驻 application and its decision. {@code status}: pending, approved, rejected. */
public record CreatorApplication(long id, long accountId, String accountType, String displayName, String handle,
		String tagline, String channelSlug, String contact, String entityName, String creditCode,
		String agreementVersion, String status, String reason, long createdAt, Long decidedAt, String avatarUrl) {

	public boolean pending() {
		return "pending".equals(status);
	}

	public boolean organisation() {
		return AccountTypes.organisation(accountType);
	}

}
