package io.inkstone.engagement;

/** A real (de-duplicated, non-bot) engagement with an article at {@code at} (epoch millis). */
public record ArticleEngaged(long articleId, long channelId, Signal signal, long at) {
}
