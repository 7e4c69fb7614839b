package io.inkstone.articles;

/**
 * What the editor submits, validated. {@code source} is required when {@code original} is
 * false; {@code summary} and {@code coverImage} are optional (null: derived from the
 * body).
 */
public record Draft(String title, String bodyMarkdown, long channelId, String tags, boolean original, Aigc aigc,
		String source, String summary, String coverImage) {

	public Draft(String title, String bodyMarkdown, long channelId, String tags, boolean original, Aigc aigc,
			String source) {
		this(title, bodyMarkdown, channelId, tags, original, aigc, source, null, null);
	}

}
