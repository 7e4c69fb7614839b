package io.inkstone.web;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code If-Modified-Since} later than the server's clock is ignored (RFC 9110
 * §13.1.3): Spring compares it as it comes, so a reader (or a broken clock) sending a
 * future date would get 304 for anything, a feed with new items included. The header is
 * hidden from the application for such a request.
 */
@Component
class FutureIfModifiedSinceFilter extends OncePerRequestFilter {

	private final Clock clock;

	FutureIfModifiedSinceFilter(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String value = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
		if (value == null || !inTheFuture(value, clock.millis())) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return HttpHeaders.IF_MODIFIED_SINCE.equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return HttpHeaders.IF_MODIFIED_SINCE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
						: super.getHeaders(name);
			}

			@Override
			public long getDateHeader(String name) {
				return HttpHeaders.IF_MODIFIED_SINCE.equalsIgnoreCase(name) ? -1 : super.getDateHeader(name);
			}

		}, response);
	}

	/** Whether an HTTP date is later than {@code now}; false when it cannot be read. */
	static boolean inTheFuture(String value, long now) {
		try {
			// RFC 1123 as java.time reads it also takes a one-digit day
			return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
				.toInstant()
				.toEpochMilli() > now;
		}
		catch (DateTimeParseException ex) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.IF_MODIFIED_SINCE, value);
			return headers.getIfModifiedSince() > now;
		}
	}

}
