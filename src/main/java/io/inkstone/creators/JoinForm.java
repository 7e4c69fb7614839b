package io.inkstone.creators;

/**
 * The join form (申请入驻) as posted, bound with {@code @Valid}: a text left out is an empty
 * string, an agreement left unticked is null (a value that is no yes or no does not
 * bind). It carries no rules of its own: what makes an application valid, the
 * organisation fields of 机构 and 企业 included, is {@link CreatorApplications}' one check.
 * The avatar comes as a file beside it.
 */
record JoinForm(String accountType, String displayName, String handle, String tagline, String channel, String contact,
		String entityName, String creditCode, Boolean agreement) {

	JoinForm {
		accountType = text(accountType);
		displayName = text(displayName);
		handle = text(handle);
		tagline = text(tagline);
		channel = text(channel);
		contact = text(contact);
		entityName = text(entityName);
		creditCode = text(creditCode);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	/** The application as the service takes it. */
	CreatorApplications.Form application() {
		return new CreatorApplications.Form(accountType, displayName, handle, tagline, channel, contact, entityName,
				creditCode, Boolean.TRUE.equals(agreement));
	}

}
