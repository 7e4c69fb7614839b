package io.inkstone.shared;

/** An upload whose content is not one of the accepted types; rendered as a 415 page. */
public class UnsupportedMediaException extends UserFacingException {

	public UnsupportedMediaException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
