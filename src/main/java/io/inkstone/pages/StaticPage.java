package io.inkstone.pages;

/**
 * A static page as served; {@code bodyHtml} is sanitized. {@code footerPosition} null:
 * not in the footer.
 */
public record StaticPage(long id, String path, String title, String bodyMarkdown, String bodyHtml,
		Integer footerPosition, long createdAt, long updatedAt) {
}
