package io.inkstone.api;

import jakarta.validation.constraints.Pattern;

/**
 * A new personal access token as posted; the message of each constraint is a
 * message-bundle key. The name and the number of days are {@link ApiTokens}' rules.
 *
 * @param expires days until it expires, empty for never
 */
record TokenForm(String name, @Pattern(regexp = "read|write", message = "tokens.error.scope") String scope,
		@Pattern(regexp = "\\s*|\\s*[+-]?[0-9]{1,9}\\s*", message = "tokens.error.expiry") String expires) {

	/** What the form shows before anything is posted. */
	static final TokenForm NEW = new TokenForm("", "read", "90");

	TokenForm {
		name = name == null ? "" : name;
		scope = scope == null ? "read" : scope;
		expires = expires == null ? "" : expires;
	}

	/** The days asked for, or null for never; only once the form has no errors. */
	Integer days() {
		return expires.isBlank() ? null : Integer.valueOf(expires.strip());
	}

	boolean write() {
		return "write".equals(scope);
	}

}
