package io.inkstone.shared;

/** An upload over a size or pixel limit; rendered as a 413 page. */
public class PayloadTooLargeException extends UserFacingException {

	public PayloadTooLargeException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
