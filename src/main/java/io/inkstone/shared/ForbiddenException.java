package io.inkstone.shared;

/**
 * The signed-in account may not do this (e.g. hide comments on someone else's article); a
 * 403 page.
 */
public class ForbiddenException extends UserFacingException {

	public ForbiddenException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
