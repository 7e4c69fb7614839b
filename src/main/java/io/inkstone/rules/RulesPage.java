package io.inkstone.rules;

/** One version of a rules page; {@code bodyHtml} is sanitized. */
public record RulesPage(long id, String slug, int version, String title, String bodyMarkdown, String bodyHtml,
		String changeNote, Long authorId, long createdAt) {
}
