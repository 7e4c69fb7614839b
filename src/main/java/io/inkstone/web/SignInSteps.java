package io.inkstone.web;

import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;

/**
 * What the accounts module adds to the password form of {@link SecurityConfig}: a step
 * after a correct password (a second factor, or a refusal of a suspended account) and
 * "remember me" cookies that respect it. Without an implementation the password alone
 * signs in.
 */
public interface SignInSteps {

	/**
	 * The handler after a correct password; it hands {@code signedIn} the requests that
	 * need no further step.
	 */
	AuthenticationSuccessHandler afterPassword(AuthenticationSuccessHandler signedIn);

	/**
	 * "Remember me" with this key and parameter, issued only when sign-in is complete and
	 * refused for accounts whose second factor the cookie did not pass.
	 */
	RememberMeServices rememberMe(String key, String parameter, int validitySeconds);

}
