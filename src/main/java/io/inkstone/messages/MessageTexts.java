package io.inkstone.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.shared.TwoLanguages;

/**
 * The wording of a message: a message-bundle key by kind, outcome and number of actors,
 * and its arguments ({0} who, {1} the subject's title, {2} how many, {3} the short code).
 * Used by the page and by the mail copy.
 */
public final class MessageTexts {

	private MessageTexts() {
	}

	public static String key(Message m) {
		return key(m.kind(), m.outcome(), m.actors());
	}

	static String key(String kind, String outcome, int actors) {
		String key = "messages.text." + kind + (outcome == null ? "" : "." + outcome);
		boolean counted = "like".equals(kind) || "follow".equals(kind);
		return counted && actors <= 1 ? key + ".one" : key;
	}

	/**
	 * @param someone the text for a reader without an account
	 * @param untitled the text for a subject without a title
	 * @param ref the short code as the reader should see it
	 */
	public static Object[] args(Message m, String someone, String untitled, String ref) {
		return new Object[] { m.actor() == null ? someone : m.actor(), m.title() == null ? untitled : m.title(),
				Integer.toString(m.actors()), ref == null ? "" : ref };
	}

	/**
	 * The bundle key for the short code's label (a review's reason code), or null when
	 * the code is shown as it is.
	 */
	public static String refKey(Message m) {
		return "review".equals(m.kind()) && m.ref() != null && !"ok".equals(m.ref()) ? "review.reason." + m.ref()
				: null;
	}

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"，。；）)]+");

	/** A piece of a note: plain text, or an address to show as a link. */
	public record NotePart(String text, boolean link) {
	}

	/**
	 * A message's note in the reader's language only (a note in one language is shown as
	 * it is), cut into text and links, so the appeal address can be followed.
	 */
	public static List<NotePart> note(String note, String language) {
		String[] parts = note.split(TwoLanguages.SEPARATOR, 2);
		String text = parts.length == 2 && "en".equals(language) ? parts[1] : parts[0];
		List<NotePart> out = new ArrayList<>();
		Matcher m = URL.matcher(text);
		int at = 0;
		while (m.find()) {
			if (m.start() > at) {
				out.add(new NotePart(text.substring(at, m.start()), false));
			}
			out.add(new NotePart(m.group(), true));
			at = m.end();
		}
		if (at < text.length()) {
			out.add(new NotePart(text.substring(at), false));
		}
		return out;
	}

}
