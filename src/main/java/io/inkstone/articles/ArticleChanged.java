package io.inkstone.articles;

/**
 * An article was created, edited, published or taken down. Caches and the search index listen;
 * the durable change feed for other nodes is {@link Articles#changedSince}.
 */
public record ArticleChanged(long id, long creatorId, long channelId) {
}
