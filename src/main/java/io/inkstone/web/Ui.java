package io.inkstone.web;

import io.inkstone.shared.RemovalReason;
import io.inkstone.shared.PlatformDays;

import io.inkstone.shared.UserFacingException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import io.inkstone.shared.FooterLink;
import io.inkstone.shared.SignedIn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What every page template needs besides its own data: translated text, the reader mode,
 * the CSRF token for forms, the current path and language. Built per request by
 * {@link UiFactory}.
 */
public record Ui(MessageSource messages, Locale locale, ReaderMode mode, CsrfToken csrf, String path, String siteName,
		SignedIn account, List<FooterLink> footer, LongSupplier unreadMessages) {

	/** The most unread messages the header counts; more show as "99+". */
	public static final int UNREAD_CAP = 100;

	/** A page model without footer links and unread count. */
	public Ui(MessageSource messages, Locale locale, ReaderMode mode, CsrfToken csrf, String path, String siteName,
			SignedIn account) {
		this(messages, locale, mode, csrf, path, siteName, account, List.of(), null);
	}

	/** A page model without an unread count (anonymous and cached pages). */
	public Ui(MessageSource messages, Locale locale, ReaderMode mode, CsrfToken csrf, String path, String siteName,
			SignedIn account, List<FooterLink> footer) {
		this(messages, locale, mode, csrf, path, siteName, account, footer, null);
	}

	/**
	 * Unread messages of the signed-in account (0 for anonymous readers); computed when
	 * the header asks.
	 */
	public long unread() {
		return account == null || unreadMessages == null ? 0 : unreadMessages.getAsLong();
	}

	/** The header badge's text: the count, or "99+". */
	public String unreadLabel() {
		long n = unread();
		return n >= UNREAD_CAP ? (UNREAD_CAP - 1) + "+" : Long.toString(n);
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The text for {@code key} in the reader's language. */
	public String t(String key, Object... args) {
		String pattern = messages.getMessage(key, null, key, locale);
		return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
	}

	/**
	 * The label of a code ({@code prefix + code} in the bundles), or the code itself when
	 * there is none: for codes stored in data, such as audit actions.
	 */
	public String label(String prefix, String code) {
		if (code == null) {
			return "";
		}
		return messages.getMessage(prefix + code, null, code, locale);
	}

	/** A refusal's text in the reader's language (see {@link UserFacingException}). */
	public String message(UserFacingException refusal) {
		return refusal.messageKey() == null ? null : t(refusal.messageKey(), refusal.args());
	}

	/**
	 * Why an article was taken down, in this language: the reason, the item of the 平台公约
	 * it falls under and the decision's reference (see {@link RemovalReason}); a reason
	 * stored as text is shown as it is.
	 */
	public String removalReason(String stored) {
		if (stored == null || stored.isBlank()) {
			return t("error.410.noReason");
		}
		return RemovalReason.parse(stored).map(r -> {
			String reason = t(r.reasonKey());
			String rule = r.ruleItem() == null ? null : t("rules.community.item." + r.ruleItem());
			return rule == null ? t("removal.reason", reason, r.ref())
					: t("removal.reasonWithRule", reason, rule, r.ref());
		}).orElseGet(() -> t(stored));
	}

	public boolean signedIn() {
		return account != null;
	}

	public boolean creator() {
		return account != null && ("CREATOR".equals(account.role()) || account.isAdmin());
	}

	public boolean admin() {
		return account != null && account.isAdmin();
	}

	public boolean staff() {
		return account != null && account.canReview();
	}

	public String lang() {
		return locale.getLanguage().equals("en") ? "en" : "zh-CN";
	}

	public boolean english() {
		return locale.getLanguage().equals("en");
	}

	public boolean care() {
		return mode.care();
	}

	public boolean a11y() {
		return mode.a11y();
	}

	public String time(long epochMillis) {
		return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(PlatformDays.zone()));
	}

	public String isoTime(long epochMillis) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(Instant.ofEpochMilli(epochMillis).atZone(PlatformDays.zone()));
	}

	/**
	 * How long something has waited (a report, an application), as people say it: minutes
	 * under an hour, hours under two days, then days.
	 */
	public String waited(long now, long since) {
		long minutes = Math.max(0, (now - since) / 60_000);
		if (minutes < 60) {
			return t("hub.minutes", minutes);
		}
		if (minutes < 48 * 60) {
			return t("hub.hours", minutes / 60);
		}
		return t("hub.days", minutes / (24 * 60));
	}

	/** The current path, URL-encoded for a {@code back=} query parameter. */
	public String backParam() {
		return URLEncoder.encode(path, StandardCharsets.UTF_8);
	}

	public String csrfName() {
		return csrf == null ? "_csrf" : csrf.getParameterName();
	}

	public String csrfToken() {
		return csrf == null ? "" : csrf.getToken();
	}

	/**
	 * Formats a count the way Chinese portals do: 1.2万 above ten thousand (the bundle's
	 * {@code count.tenThousands}).
	 */
	public String count(long n) {
		if (english() || n < 10_000) {
			return Long.toString(n);
		}
		long tenths = Math.round(n / 1_000.0);
		return t("count.tenThousands", (tenths / 10) + "." + (tenths % 10));
	}

}
