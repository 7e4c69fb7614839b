package io.inkstone.articles;

/**
 * An article was created, edited, published or taken down on this node; published inside
 * the change's transaction, once per change. Durable reactions listen with
 * {@code @ApplicationModuleListener} (after commit, recorded in the event publication
 * registry). Caches listen to {@link ArticleChangeCommitted} instead, which also carries
 * other nodes' changes; the durable change feed itself is {@link ArticleFeed}.
 */
public record ArticleChanged(long id, long creatorId, long channelId) {
}
