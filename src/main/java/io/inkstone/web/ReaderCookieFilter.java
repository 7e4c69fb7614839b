package io.inkstone.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.ReaderKey;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each browser a random, anonymous reader id (no personal data) so reads and shares are
 * counted once per reader, and follows work before accounts exist.
 */
@Component
class ReaderCookieFilter extends OncePerRequestFilter {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasReaderCookie(request) && !ReaderKey.isBot(request)) {
			String id = HexFormat.of().toHexDigits(RANDOM.nextLong());
			request.setAttribute(ReaderKey.REQUEST_ATTRIBUTE, id);
			ResponseCookie cookie = ResponseCookie.from(ReaderKey.COOKIE, id)
				.path("/")
				.maxAge(Duration.ofDays(365))
				.httpOnly(true)
				.sameSite("Lax")
				.secure(request.isSecure())
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
		chain.doFilter(request, response);
	}

	private static boolean hasReaderCookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return false;
		}
		for (var cookie : request.getCookies()) {
			if (ReaderKey.COOKIE.equals(cookie.getName())) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/actuator")
				|| path.startsWith("/favicon");
	}

}
