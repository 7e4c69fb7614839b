package io.inkstone.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import java.security.NoSuchAlgorithmException;

/**
 * {@code /actuator/prometheus} answers only a scraper sending
 * {@code Authorization: Bearer <token>} with the token configured as
 * {@code inkstone.security.metrics-token} (env {@code INKSTONE_METRICS_TOKEN}); without a
 * configured token the endpoint is closed. Metrics name routes, jobs and volumes: they
 * are the operator's, not the public's.
 */
@Component
class MetricsTokenFilter extends OncePerRequestFilter {

	/** SHA-256 of the configured token (empty when none is configured). */
	private final byte[] tokenDigest;

	MetricsTokenFilter(WebSecurityProperties properties) {
		String configured = properties.metricsToken().strip();
		this.tokenDigest = configured.isEmpty() ? new byte[0] : sha256(configured);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = bearerToken(request.getHeader("Authorization"));
		// digests of equal length: the comparison takes the same time whatever the
		// token's length or content
		boolean valid = tokenDigest.length > 0 && presented != null
				&& MessageDigest.isEqual(tokenDigest, sha256(presented));
		if (!valid) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The credentials of an {@code Authorization: Bearer <token>} header, or null for any
	 * other header. The scheme is case-insensitive and separated from the token by one or
	 * more spaces (RFC 9110 §11.1, §11.4; RFC 6750 §2.1).
	 */
	static String bearerToken(String header) {
		if (header == null) {
			return null;
		}
		String value = header.strip();
		int space = value.indexOf(' ');
		if (space < 0 || !"Bearer".equalsIgnoreCase(value.substring(0, space))) {
			return null;
		}
		String credentials = value.substring(space + 1).strip();
		return credentials.isEmpty() || credentials.indexOf(' ') >= 0 ? null : credentials;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex); // every JDK has SHA-256
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/actuator/prometheus".equals(request.getRequestURI());
	}

}
