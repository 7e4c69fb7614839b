package io.inkstone.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the security chain has read the session: registers each signed-in session on
 * its first request and signs out a session its owner ended (from another device, or by
 * changing the password), on whatever node it arrives. Static files are not checked.
 */
@Component
class SessionTracker extends OncePerRequestFilter {

	private final AccountSessions sessions;

	private final Clock clock;

	SessionTracker(AccountSessions sessions, Clock clock) {
		this.clock = clock;
		this.sessions = sessions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/media/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && session != null) {
			boolean live;
			try {
				live = sessions.check(principal.signedIn().accountId(), session.getId(), session.getCreationTime(),
						request.getHeader("User-Agent"), request.getRemoteAddr(), clock.millis());
			}
			catch (IllegalStateException ex) { // the session was invalidated meanwhile
				live = true;
			}
			if (!live) {
				SecurityContextHolder.clearContext();
				try {
					session.invalidate();
				}
				catch (IllegalStateException ex) {
					// already invalid
				}
				Cookie remember = new Cookie("remember-me", "");
				remember.setMaxAge(0);
				remember.setPath("/");
				response.addCookie(remember);
				response.sendRedirect("/login?ended");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
