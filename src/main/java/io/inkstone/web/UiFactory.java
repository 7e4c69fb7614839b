package io.inkstone.web;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.shared.SiteSettings;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import io.inkstone.shared.FooterLink;
import io.inkstone.shared.SignedIn;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the {@link Ui} for the current request. */
@Component
public class UiFactory {

	private final MessageSource messages;

	private final SiteSettings properties;

	/** The footer's static pages (the pages module), if present. */
	private final ObjectProvider<FooterLink.Source> footer;

	private final ObjectProvider<UnreadMessages> unread;

	UiFactory(MessageSource messages, SiteSettings properties, ObjectProvider<FooterLink.Source> footer,
			ObjectProvider<UnreadMessages> unread) {
		this.messages = messages;
		this.properties = properties;
		this.footer = footer;
		this.unread = unread;
	}

	public Ui of(HttpServletRequest request) {
		// a shared page carries no token (scripts and the confirm page supply one when a
		// form is used)
		CsrfToken csrf = SharedPage.is(request) ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String path = request.getRequestURI();
		if (request.getQueryString() != null) {
			path += "?" + request.getQueryString();
		}
		SignedIn account = SignedIn.current().orElse(null);
		return new Ui(messages, RequestContextUtils.getLocale(request), mode(request), csrf, path,
				properties.siteName(), account,
				footer.orderedStream().flatMap(source -> source.footerLinks().stream()).toList(),
				account == null ? null : unreadCount(account.accountId()));
	}

	/** One cheap query, run at most once per request and only if the page header asks. */
	private LongSupplier unreadCount(long accountId) {
		UnreadMessages source = unread.getIfAvailable();
		if (source == null) {
			return null;
		}
		long[] memo = { -1 };
		return () -> {
			if (memo[0] < 0) {
				memo[0] = source.unread(accountId, Ui.UNREAD_CAP);
			}
			return memo[0];
		};
	}

	static ReaderMode mode(HttpServletRequest request) {
		return SharedPage.mode(request);
	}

}
