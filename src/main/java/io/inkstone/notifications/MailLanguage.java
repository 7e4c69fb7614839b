package io.inkstone.notifications;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * What a mail template sees of one language (parameter {@code m}): the message bundle's
 * texts in it, and whether its part is the mail's first. A mail carries every language,
 * Chinese first; what a reader needs once (a quoted text, a link to follow) goes in the
 * first part, and later parts refer to it.
 */
public final class MailLanguage {

	private final MessageSource messages;

	private final Locale locale;

	private final boolean first;

	private final String site;

	MailLanguage(MessageSource messages, Locale locale, boolean first, String site) {
		this.messages = messages;
		this.locale = locale;
		this.first = first;
		this.site = site;
	}

	/** The site's name as set in the console (subjects name it). */
	public String site() {
		return site;
	}

	/** The bundle's text of {@code key} in this language, {0}, {1} … filled. */
	public String t(String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/**
	 * The line naming a notice's code: a review's reason code in words ("理由：违禁词"),
	 * anything else (a decision's reference) as a reference — never a bare code.
	 */
	public String code(String code) {
		String reason = messages.getMessage("review.reason." + code, null, null, locale);
		return reason != null ? t("messages.mail.code", reason) : t("messages.mail.ref", code);
	}

	/**
	 * The part of a note for this language: a statement written in both (Chinese, then
	 * English after the mails' separator, as statements of reasons are) gives each part
	 * its own language; a note in one language is shown once, in the first part. Null:
	 * nothing to show here.
	 */
	public String note(String note) {
		if (note == null) {
			return null;
		}
		String[] languages = note.split(MailTemplates.SEPARATOR, 2);
		if (languages.length == 2) {
			return first ? languages[0] : languages[1];
		}
		return first ? note : null;
	}

	/** Whether this is the mail's first part. */
	public boolean first() {
		return first;
	}

	/** The value for this language of a text given in each ({@code zh}, {@code en}). */
	public String pick(Map<String, String> byLanguage) {
		String value = byLanguage.get(locale.getLanguage());
		return value == null ? byLanguage.values().stream().findFirst().orElse("") : value;
	}

}
