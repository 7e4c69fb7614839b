package io.inkstone.feed;

import io.inkstone.discovery.ArticleCard;

/**
 * One feed entry and why it is shown: {@code reason} is a message key
 * ({@code feed.why.*}) and {@code reasonArgument} fills it (a creator, a tag, an article
 * title), or null.
 */
public record FeedItem(ArticleCard card, String reason, String reasonArgument) {
}
