package io.inkstone.articles;

/** What the editor submits, validated. {@code source} is required when {@code original} is false. */
public record Draft(String title, String bodyMarkdown, long channelId, String tags, boolean original, Aigc aigc,
		String source) {
}
