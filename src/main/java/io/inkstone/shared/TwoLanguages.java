package io.inkstone.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Text written once in each of the platform's languages, Chinese then English, as its
 * mails and statements of reasons are: one separator joins the two, and everything that
 * shows a reader their language splits on it. Short texts that are stored rather than
 * shown through the bundles (an audit actor, an image's alt text, a rejection reason)
 * take both languages on one line, "中文 / English"; a text stored in one language (a name
 * given to imported content, a seeded title) is the bundle's Chinese, the site's first
 * language.
 */
public final class TwoLanguages {

	/** Between the Chinese and the English text. */
	public static final String SEPARATOR = "\n\n——\n\n";

	/** Between the Chinese and the English text of a short text on one line. */
	public static final String INLINE_SEPARATOR = " / ";

	/** The language of a text stored in one language. */
	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private TwoLanguages() {
	}

	/** The bundle's Chinese text of {@code key}, {0}, {1} … filled. */
	public static String chinese(MessageSource messages, String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, CHINESE);
	}

	/** The bundle's text of {@code key} in both languages on one line: "中文 / English". */
	public static String inline(MessageSource messages, String key, Object... args) {
		return chinese(messages, key, args) + INLINE_SEPARATOR
				+ messages.getMessage(key, args.length == 0 ? null : args, Locale.ENGLISH);
	}

}
