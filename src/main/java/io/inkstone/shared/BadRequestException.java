package io.inkstone.shared;

/** Malformed input from a client (page number, cursor, parameter); rendered as a 400 page. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
