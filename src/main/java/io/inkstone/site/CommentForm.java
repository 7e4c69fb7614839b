package io.inkstone.site;

/**
 * A comment or reply as posted from the article page. Its rules (length, comments
 * switched off, replies one level deep) are {@code engagement/Comments}'s; a refusal is
 * the error page, since the article page is rendered once for every reader and carries no
 * form state.
 *
 * @param parent the comment replied to, or null for a new thread
 */
record CommentForm(String text, Long parent) {

	CommentForm {
		text = text == null ? "" : text;
	}

}
