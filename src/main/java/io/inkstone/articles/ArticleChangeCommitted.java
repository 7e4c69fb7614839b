package io.inkstone.articles;

/**
 * A change to an article is committed and visible: made on this node (published once,
 * after its transaction commits) or made by another node or process and seen in the
 * change feed. What caches something about the article drops it on this event, with a
 * plain {@code @EventListener}: it is published after commit, so a listener needs no
 * deferral of its own (and a transactional one would never run). Durable reactions
 * (webhooks, pings) listen to {@link ArticleChanged} instead, which only the node that
 * made the change publishes.
 */
public record ArticleChangeCommitted(long id, long creatorId, long channelId) {
}
