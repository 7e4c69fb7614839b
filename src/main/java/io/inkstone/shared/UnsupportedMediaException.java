package io.inkstone.shared;

/** An upload whose content is not one of the accepted types; rendered as a 415 page. */
public class UnsupportedMediaException extends RuntimeException {

	public UnsupportedMediaException(String message) {
		super(message);
	}

}
