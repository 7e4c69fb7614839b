package io.inkstone.messages;

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

}
