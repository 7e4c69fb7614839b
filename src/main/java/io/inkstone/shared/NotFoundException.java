package io.inkstone.shared;

/** A resource a reader asked for does not exist; rendered as a 404 page. */
public class NotFoundException extends UserFacingException {

	public NotFoundException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
