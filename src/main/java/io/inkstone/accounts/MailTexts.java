package io.inkstone.accounts;

import java.util.Locale;

import io.inkstone.shared.SiteSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the mails the platform sends, one template per mail in each language's
 * message bundle ({@code mail.<name>.subject}, {@code mail.<name>.body}). A recipient's
 * language is not known, so a mail carries the Chinese text first and the English after
 * it, as the platform's mails always have. Links appear once, in the Chinese part; the
 * English part refers to them ("the link above"), so a mail has one link to follow.
 */
@Component
public class MailTexts {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final String SEPARATOR = "\n\n——\n\n";

	private final MessageSource messages;

	private final SiteSettings site;

	MailTexts(MessageSource messages, SiteSettings site) {
		this.messages = messages;
		this.site = site;
	}

	/**
	 * The subject in both languages; arguments may be {@code MessageSourceResolvable}s,
	 * resolved per language.
	 */
	public String subject(String mail, Object... args) {
		// a subject without arguments names the site as {0}: the name set in
		// /admin/settings, not the one the bundle was written with
		Object[] filled = args.length == 0 ? new Object[] { site.siteName() } : args;
		String zh = text("mail." + mail + ".subject", CHINESE, filled);
		String en = text("mail." + mail + ".subject", Locale.ENGLISH, filled);
		return zh.equals(en) ? zh : zh + " / " + en;
	}

	/**
	 * The body, Chinese then English; {@code args} fill the templates' {0}, {1} … in
	 * both.
	 */
	public String body(String mail, Object... args) {
		String zh = text("mail." + mail + ".body", CHINESE, args);
		String en = text("mail." + mail + ".body", Locale.ENGLISH, args);
		return zh.equals(en) ? zh : zh + SEPARATOR + en;
	}

	/** One line of both languages, for short pieces such as a greeting or a footer. */
	public String line(String key, Object... args) {
		String zh = text(key, CHINESE, args);
		String en = text(key, Locale.ENGLISH, args);
		return zh.equals(en) ? zh : zh + " / " + en;
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

}
