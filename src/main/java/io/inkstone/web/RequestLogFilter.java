package io.inkstone.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One structured line per request (key=value pairs: method, path, status, duration).
 * Logged at DEBUG under {@code inkstone.requests} so production can switch it on without
 * touching the code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("inkstone.requests");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!log.isInfoEnabled()) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			log.info("method={} path=\"{}\" status={} duration_ms={} ua=\"{}\"", request.getMethod(),
					request.getRequestURI(), response.getStatus(), (System.nanoTime() - start) / 1_000_000,
					String.valueOf(request.getHeader("User-Agent")).replace('"', '\''));
		}
	}

}
