package io.inkstone.articles;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Changes this node did not make — another node of a cluster, the import command on the
 * same database — reach this node's caches through the change feed: each becomes one
 * {@link ArticleChangeCommitted} here. This node's own changes are skipped (it announced
 * them itself after they committed), and {@link ArticleChanged} is never published for
 * them: the durable reactions to a change (webhooks, pings) belong to the node that made
 * it.
 *
 * <p>
 * Starts at the head of the feed: caches start empty, so nothing older can be stale in
 * them.
 */
@Component
@Profile("!import")
@Order(0)
class ChangesElsewhere implements ArticleFeedFollower {

	private final ArticleRepository repository;

	private final Articles articles;

	private final ApplicationEventPublisher events;

	private volatile long position = -1;

	ChangesElsewhere(ArticleRepository repository, Articles articles, ApplicationEventPublisher events) {
		this.repository = repository;
		this.articles = articles;
		this.events = events;
	}

	@Override
	public String name() {
		return "caches";
	}

	@Override
	public long position() {
		if (position < 0) {
			position = repository.lastChangeSeq();
		}
		return position;
	}

	@Override
	public boolean wants(ChangeKey key) {
		return !repository.wroteHere(key.changeSeq());
	}

	@Override
	public void apply(List<ChangedArticle> changes, long position) {
		for (ChangedArticle change : changes) {
			ArticleChangeCommitted committed = new ArticleChangeCommitted(change.id(), change.creatorId(),
					change.channelId());
			articles.evict(committed);
			events.publishEvent(committed);
		}
		this.position = position;
	}

}
