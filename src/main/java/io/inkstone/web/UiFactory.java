package io.inkstone.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.shared.InkstoneProperties;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Ui} for the current request. */
@Component
public class UiFactory {

	private final MessageSource messages;

	private final InkstoneProperties properties;

	/** The footer's static pages (the pages module), if present. */
	private final org.springframework.beans.factory.ObjectProvider<io.inkstone.shared.FooterLink.Source> footer;

	UiFactory(MessageSource messages, InkstoneProperties properties,
			org.springframework.beans.factory.ObjectProvider<io.inkstone.shared.FooterLink.Source> footer) {
		this.messages = messages;
		this.properties = properties;
		this.footer = footer;
	}

	public Ui of(HttpServletRequest request) {
		// a shared page carries no token (scripts and the confirm page supply one when a form is used)
		CsrfToken csrf = SharedPage.is(request) ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String path = request.getRequestURI();
		if (request.getQueryString() != null) {
			path += "?" + request.getQueryString();
		}
		return new Ui(messages, RequestContextUtils.getLocale(request), mode(request), csrf, path, properties.siteName(),
				io.inkstone.shared.SignedIn.current().orElse(null),
				footer.orderedStream().flatMap(source -> source.footerLinks().stream()).toList());
	}

	static ReaderMode mode(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (ReaderMode.COOKIE.equals(cookie.getName())) {
					return ReaderMode.parse(cookie.getValue()).orElse(ReaderMode.STANDARD);
				}
			}
		}
		return ReaderMode.STANDARD;
	}

}
