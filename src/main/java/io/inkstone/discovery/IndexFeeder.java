package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.ArticleChanged;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangedArticle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the articles table by following its durable change feed
 * ({@code change_seq}). A fresh index rebuilds from zero with progress in the log; a node that was
 * down catches up; changes made by another process (the import command, another node) arrive here too
 * and are re-announced as {@link ArticleChanged} so this node's caches drop them.
 */
@Component
@Profile("!import")
class IndexFeeder {

	private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);

	private static final int BATCH = 1000;

	/** Re-read the last 3 s of the feed: a transaction that committed late may carry an older sequence. */
	private static final long LAG = 3000L << 22;

	private final Articles articles;

	private final SearchIndex index;

	private final ApplicationEventPublisher events;

	IndexFeeder(Articles articles, SearchIndex index, ApplicationEventPublisher events) {
		this.articles = articles;
		this.index = index;
		this.events = events;
	}

	@Scheduled(fixedDelay = 500, initialDelay = 0)
	synchronized void poll() {
		long position = index.feedPosition();
		long from = Math.max(0, position - LAG);
		long backlog = position == 0 ? articles.countChangedSince(0) : 0;
		long started = System.nanoTime();
		long done = 0;
		long lastLog = started;
		while (true) {
			List<ChangedArticle> changes = articles.changedSince(from, BATCH);
			if (changes.isEmpty()) {
				break;
			}
			long last = changes.get(changes.size() - 1).changeSeq();
			index.apply(changes, Math.max(position, last));
			for (ChangedArticle change : changes) {
				if (change.changeSeq() > position) {
					events.publishEvent(new ArticleChanged(change.id(), change.creatorId(), change.channelId()));
				}
			}
			position = Math.max(position, last);
			from = last;
			done += changes.size();
			if (backlog > 0 && System.nanoTime() - lastLog > 2_000_000_000L) {
				lastLog = System.nanoTime();
				double seconds = (lastLog - started) / 1e9;
				double rate = done / seconds;
				log.info("Search index build: {}/{} ({}%), {}/s, ETA {}s", done, backlog, Math.min(100, done * 100 / backlog),
						Math.round(rate), Math.max(0, Math.round((backlog - done) / Math.max(rate, 1))));
			}
			if (changes.size() < BATCH) {
				break;
			}
		}
		if (backlog > 0 && done > 0) {
			log.info("Search index built: {} articles in {} ms", done, (System.nanoTime() - started) / 1_000_000);
		}
	}

}
