package io.inkstone.creators;

import jakarta.validation.constraints.Size;

/**
 * A reviewer's rejection of an application as posted: the reason the applicant is told,
 * required and at most 500 characters (the message of the constraint is a message-bundle
 * key; a blank reason, by {@link String#isBlank()}, gets the same key).
 */
record RejectionForm(@Size(max = 500, message = RejectionForm.ERROR) String reason) {

	static final String ERROR = "review.error.reason";

	RejectionForm {
		reason = reason == null ? "" : reason;
	}

}
