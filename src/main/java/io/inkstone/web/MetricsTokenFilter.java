package io.inkstone.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only a scraper sending {@code Authorization: Bearer <token>} with the token
 * configured as {@code inkstone.security.metrics-token} (env {@code INKSTONE_METRICS_TOKEN}); without a configured
 * token the endpoint is closed. Metrics name routes, jobs and volumes: they are the operator's, not the public's.
 */
@Component
class MetricsTokenFilter extends OncePerRequestFilter {

	private final byte[] token;

	MetricsTokenFilter(@Value("${inkstone.security.metrics-token:}") String token) {
		this.token = token.strip().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean presented = token.length > 0 && header != null && header.startsWith("Bearer ")
				&& MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
		if (!presented) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/actuator/prometheus".equals(request.getRequestURI());
	}

}
