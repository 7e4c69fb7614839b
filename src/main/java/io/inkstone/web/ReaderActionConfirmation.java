package io.inkstone.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;

/**
 * The no-JavaScript path of the reader actions on shared pages (like, share, follow,
 * unfollow): those pages carry no CSRF token, so such a form arrives without one. Instead
 * of a 403 the reader is sent to a small confirmation page that carries a token
 * ({@code /confirm}); one more click does it. Any other refused request gets the 403
 * page.
 */
class ReaderActionConfirmation implements AccessDeniedHandler {

	private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI();
		boolean noToken = denied instanceof MissingCsrfTokenException || (denied instanceof InvalidCsrfTokenException
				&& (request.getParameter("_csrf") == null || request.getParameter("_csrf").isEmpty()));
		if (noToken && "POST".equals(request.getMethod()) && SharedPage.READER_ACTIONS.matcher(path).matches()) {
			String back = request.getParameter("back");
			String target = "/confirm?action=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
					+ (back == null ? "" : "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", target);
			response.setHeader("Cache-Control", "no-store");
			return;
		}
		refuse.handle(request, response, denied);
	}

}
