package io.inkstone.web;

import org.springframework.security.core.Authentication;

/**
 * Brings a signed-in session up to date with the account as it is now (implemented by the
 * accounts module): a creator approved, a reviewer appointed or an account removed takes
 * effect on the next request, on every node, without signing in again.
 */
public interface AuthenticationRefresh {

	/**
	 * The same authentication when nothing changed, a new one when the role changed, null
	 * when the account is gone.
	 */
	Authentication refresh(Authentication current);

}
