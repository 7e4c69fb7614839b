package io.inkstone.accounts;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.inkstone.web.SignInSteps;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The steps after a correct password. A suspended account is refused there (with its own
 * message, and only to someone who knew the password). An account with two-factor sign-in
 * is not signed in yet: the session only remembers, for a few minutes, whose password was
 * right, and the code page ({@link TwoFactorSignInController}) completes the sign-in. No
 * "remember me" cookie is issued before that, and a cookie issued before the second
 * factor was turned on is refused, so neither a cookie nor a device cookie skips the
 * second step.
 */
@Component
class SecondFactorSignIn implements SignInSteps {

	static final String PENDING = "inkstone.signIn.pending";

	/** How long the code page waits after the password. */
	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	/** Whose password was right, when, and whether "remember me" was ticked. */
	record Pending(long accountId, String email, long at, boolean remember) implements Serializable {
	}

	private final AccountRepository repository;

	private final TwoFactor twoFactor;

	private final Accounts accounts;

	private final AccountSessions sessions;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	/**
	 * Where the person was going, kept in a cookie (as SecurityConfig does): an anonymous
	 * request gets no session.
	 */
	private final RequestCache requests = new CookieRequestCache();

	private volatile Remembered rememberMe;

	SecondFactorSignIn(AccountRepository repository, TwoFactor twoFactor, Accounts accounts, AccountSessions sessions,
			ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.twoFactor = twoFactor;
		this.accounts = accounts;
		this.sessions = sessions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public AuthenticationSuccessHandler afterPassword(AuthenticationSuccessHandler signedIn) {
		return (request, response, authentication) -> {
			if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
				signedIn.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			long id = principal.signedIn().accountId();
			if (repository.suspended(id)) {
				forget(request, response);
				response.sendRedirect("/login?suspended");
				return;
			}
			if (twoFactor.enabled(id)) {
				forget(request, response);
				String remember = request.getParameter("remember");
				request.getSession(true)
					.setAttribute(PENDING, new Pending(id, principal.signedIn().email(), clock.millis(),
							remember != null && !remember.isBlank() && !"false".equalsIgnoreCase(remember)));
				response.sendRedirect("/login/two-factor");
				return;
			}
			signedIn.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * The password alone does not sign in: nothing authenticated stays in the session.
	 */
	private void forget(HttpServletRequest request, HttpServletResponse response) {
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		contexts.saveContext(empty, request, response);
	}

	@Override
	public RememberMeServices rememberMe(String key, String parameter, int validitySeconds) {
		Remembered services = new Remembered(key, accounts);
		services.setParameter(parameter);
		services.setTokenValiditySeconds(validitySeconds);
		this.rememberMe = services;
		return services;
	}

	/**
	 * Issues this browser a new "remember me" cookie if it holds one, for the signed-in
	 * account (after its older cookies were ended).
	 */
	void renewRememberMe(HttpServletRequest request, HttpServletResponse response) {
		Remembered services = rememberMe;
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean holds = request.getCookies() != null && Arrays.stream(request.getCookies())
			.anyMatch(c -> "remember-me".equals(c.getName()) && !c.getValue().isBlank());
		if (services != null && holds && auth != null && auth.getPrincipal() instanceof AccountPrincipal) {
			services.issue(request, response, auth);
		}
	}

	/** The pending sign-in of this session, if its password step is recent enough. */
	Pending pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return null;
		}
		if (clock.millis() - pending.at() > PENDING_FOR.toMillis()) {
			session.removeAttribute(PENDING);
			return null;
		}
		return pending;
	}

	/**
	 * Completes a pending sign-in after its second factor: a fresh session id, the
	 * account in the session, "remember me" if it was asked for. Returns where the person
	 * was going (the page that sent them to sign in, else the home page), or null when
	 * the account is gone or suspended meanwhile.
	 */
	String complete(Pending pending, HttpServletRequest request, HttpServletResponse response) {
		Account account = repository.findById(pending.accountId()).orElse(null);
		request.getSession().removeAttribute(PENDING);
		if (account == null || repository.suspended(account.id())) {
			return null;
		}
		AccountPrincipal principal = Accounts.principal(account);
		UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		new ChangeSessionIdAuthenticationStrategy().onAuthentication(auth, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		Remembered services = rememberMe;
		if (pending.remember() && services != null) {
			services.issue(request, response, auth);
		}
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return saved == null ? "/" : saved.getRedirectUrl();
	}

	/**
	 * Spring Security's signed "remember me" cookie, held back until sign-in is complete.
	 * A cookie issued before the account's sessions were last ended (a sign-out, "sign
	 * out all other devices", a password change, a suspension) is refused: the time is in
	 * the database, so every node refuses it.
	 */
	private final class Remembered extends TokenBasedRememberMeServices {

		Remembered(String key, Accounts accounts) {
			super(key, accounts);
		}

		@Override
		public void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) {
			if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
				long id = principal.signedIn().accountId();
				if (twoFactor.enabled(id) || repository.suspended(id)) {
					return; // the password alone: the code page issues it
				}
			}
			super.onLoginSuccess(request, response, authentication);
		}

		void issue(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
			super.onLoginSuccess(request, response, authentication);
		}

		@Override
		protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
				HttpServletResponse response) {
			UserDetails user = super.processAutoLoginCookie(cookieTokens, request, response);
			if (user instanceof AccountPrincipal principal) {
				long id = principal.signedIn().accountId();
				if (repository.suspended(id)) {
					throw new InvalidCookieException("account suspended");
				}
				Long since = repository.twoFactorSince(id);
				long issued = Long.parseLong(cookieTokens[1]) - getTokenValiditySeconds() * 1000L;
				if (since != null && issued < since) {
					throw new InvalidCookieException("cookie older than the second factor");
				}
				Long validAfter = sessions.validAfter(id);
				if (validAfter != null && issued < validAfter) {
					throw new InvalidCookieException("cookie older than a sign-out");
				}
			}
			return user;
		}

		/**
		 * Signing out ends every "remember me" cookie of the account (as Spring
		 * Security's persistent tokens do): a signed cookie cannot be revoked alone. A
		 * request with only the cookie (its session gone) signs out the account the
		 * cookie names.
		 */
		@Override
		public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
			Authentication who = authentication != null ? authentication : autoLogin(request, response);
			if (who != null && who.getPrincipal() instanceof AccountPrincipal principal) {
				sessions.endRememberMe(principal.signedIn().accountId(), clock.millis());
			}
			super.logout(request, response, authentication);
		}

	}

}
