package io.inkstone.rules;

/**
 * A new version of a rules page as an admin posts it: title, Markdown body and the note
 * that says what changed, each an empty string when left out. Its rules are
 * {@link Rules#publish}'s; {@link #fieldOf} says which field a refusal is about, so the
 * page ties it there.
 */
record RulesForm(String title, String body, String note) {

	RulesForm {
		title = title == null ? "" : title;
		body = body == null ? "" : body;
		note = note == null ? "" : note;
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.rules.titleAndTextAreRequired" ->
				title.isBlank() || title.strip().length() > Rules.MAX_TITLE ? "title" : "body";
			case "problem.rules.describeTheChange" -> "note";
			default -> null;
		};
	}

}
