package io.inkstone.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the multipart limits makes the container refuse to parse the request's parameters, so
 * every later {@code getParameter} (the CSRF check, the error page itself) would fail with a 500. This
 * filter parses multipart requests first and answers an over-limit one with the 413 page, rendered for a
 * request that has no parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			if (request.getCharacterEncoding() == null) {
				request.setCharacterEncoding("UTF-8"); // as browsers send form fields; parsing happens now
			}
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				HttpServletRequest withoutParameters = new WithoutParameters(request);
				withoutParameters.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
				response.setStatus(413);
				request.getRequestDispatcher("/error").forward(withoutParameters, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
