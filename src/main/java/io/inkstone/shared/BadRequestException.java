package io.inkstone.shared;

/**
 * Malformed input from a client (page number, cursor, parameter); rendered as a 400 page.
 */
public class BadRequestException extends UserFacingException {

	public BadRequestException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
