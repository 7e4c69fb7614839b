package io.inkstone.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Bad input the container cannot parse must not become a 500. Parameters are parsed here,
 * before anything else reads them: an upload over the multipart limits answers the 413
 * page, and a query string or body that is not valid UTF-8, a malformed chunked body or a
 * malformed multipart body answers the 400 page — each logged as one INFO line, without a
 * stack trace. (The container remembers a failed parse, so every later
 * {@code getParameter}, the CSRF check and the error page itself included, would fail
 * again; the page is rendered for a request that has no parameters.) The container's
 * exceptions are told apart by {@link ContainerErrors}, the same on Jetty and Tomcat. A
 * client that went away while its page was written is logged as one DEBUG line: there is
 * nobody left to answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestInputFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestInputFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			doFilterNestedErrorDispatch(request, response, chain); // logged when it was
																	// refused
			return;
		}
		if (request.getCharacterEncoding() == null) {
			request.setCharacterEncoding("UTF-8"); // as browsers send form fields;
													// parsing happens now
		}
		try {
			request.getParameterMap();
		}
		catch (RuntimeException ex) {
			int refused = ContainerErrors.refusalStatus(ex);
			if (ContainerErrors.clientAbort(ex)) { // not any EOF: a truncated body is a
													// bad request
				log.debug("Client went away while sending {} {}", request.getMethod(), request.getRequestURI());
				return;
			}
			if (refused == 0 && !(ex instanceof IllegalStateException)) {
				throw ex; // not the container refusing the input
			}
			int status = refused == 413 ? 413 : 400;
			log.info("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status, firstLine(ex));
			if (response.isCommitted()) {
				return; // the container already answers with the error status (a body it
						// could not read): see below
			}
			ContainerErrors.closeAfterUnreadBody(request, response);
			HttpServletRequest withoutParameters = new WithoutParameters(request);
			withoutParameters.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
			// the error page answers an API path with a problem, not a page
			withoutParameters.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(status);
			request.getRequestDispatcher("/error").forward(withoutParameters, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				throw ex;
			}
			log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), firstLine(ex));
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * The container's own error page for a request whose parameters cannot be parsed:
	 * render it without them.
	 */
	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (RuntimeException ex) {
			chain.doFilter(new WithoutParameters(request), response);
			return;
		}
		chain.doFilter(request, response);
	}

	static String firstLine(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		int end = message.indexOf('\n');
		message = end < 0 ? message : message.substring(0, end);
		return message.length() > 200 ? message.substring(0, 200) + "…" : message;
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
		public String getContentType() {
			return null; // not multipart any more: the error page must not try to parse
							// it again
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
