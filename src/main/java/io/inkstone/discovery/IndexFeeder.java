package io.inkstone.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.articles.ArticleChanged;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangeKey;
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
 *
 * <p>Sequences are taken when a transaction writes, not when it commits, so a slow transaction can
 * commit a sequence lower than one already seen. The feeder therefore re-reads the keys (id and
 * sequence only) of the last few seconds and loads just the entries it has not applied yet.
 */
@Component
@Profile("!import")
class IndexFeeder {

	private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);

	private static final int BATCH = 1000;

	/** How far behind the newest sequence late commits are looked for (sequences carry milliseconds << 22). */
	private static final long LAG_MILLIS = 5000;

	private static final long LAG = LAG_MILLIS << 22;

	private final Articles articles;

	private final SearchIndex index;

	private final ApplicationEventPublisher events;

	/** Entries applied within the lag window: id → sequence. */
	private final Map<Long, Long> recentlyApplied = new HashMap<>();

	private volatile boolean ready;

	IndexFeeder(Articles articles, SearchIndex index, ApplicationEventPublisher events) {
		this.articles = articles;
		this.index = index;
		this.events = events;
	}

	/** Where a build stands: articles applied of the backlog, rate per second, seconds left. */
	public record Progress(boolean running, long done, long total, long perSecond, long etaSeconds, int documents) {

		public int percent() {
			return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}

	}

	private volatile boolean rebuildRequested;

	private volatile Progress progress = new Progress(false, 0, 0, 0, 0, 0);

	/** Empties the index on the next poll and rebuilds it from the database, with progress. */
	void requestRebuild() {
		rebuildRequested = true;
		progress = new Progress(true, 0, 0, 0, 0, 0);
	}

	Progress progress() {
		Progress p = progress;
		return new Progress(p.running() || rebuildRequested, p.done(), p.total(), p.perSecond(), p.etaSeconds(), index.documentCount());
	}

	/** True once the index has caught up with the database after start. */
	boolean ready() {
		return ready;
	}

	private boolean comparedWithDatabase;

	@Scheduled(fixedDelay = 500, initialDelay = 0)
	synchronized void poll() {
		if (!comparedWithDatabase) {
			comparedWithDatabase = true;
			long at = index.feedPosition();
			// an index ahead of every change in the database describes another database (one restored from a
			// backup under a kept index directory): rebuild it rather than keep articles the database does not have
			if (at > 0 && articles.changeKeysSince(at - 1, 1).isEmpty()) {
				log.info("The search index is ahead of the database (restored from a backup?): rebuilding it");
				rebuildRequested = true;
			}
		}
		if (rebuildRequested) {
			rebuildRequested = false;
			index.reset();
			recentlyApplied.clear();
		}
		long position = index.feedPosition();
		// Re-check only what was written in the last few wall-clock seconds; older entries are settled.
		long settledBefore = Math.max(0, (System.currentTimeMillis() - LAG_MILLIS - io.inkstone.shared.Ids.EPOCH) << 22);
		long from = Math.min(position, settledBefore);
		long backlog = articles.countChangedSince(position);
		boolean report = backlog >= BATCH * 5L;
		if (backlog > 0) {
			progress = new Progress(true, 0, backlog, 0, 0, 0);
		}
		long started = System.nanoTime();
		long lastLog = started;
		long done = 0;
		while (true) {
			List<ChangeKey> keys = articles.changeKeysSince(from, BATCH);
			if (keys.isEmpty()) {
				break;
			}
			List<Long> wanted = new ArrayList<>();
			for (ChangeKey key : keys) {
				Long applied = recentlyApplied.get(key.id());
				if (applied == null || applied < key.changeSeq()) {
					wanted.add(key.id());
				}
			}
			long last = keys.get(keys.size() - 1).changeSeq();
			if (!wanted.isEmpty()) {
				List<ChangedArticle> changes = articles.changed(wanted);
				long newPosition = Math.max(position, last);
				index.apply(changes, newPosition);
				for (ChangedArticle change : changes) {
					recentlyApplied.put(change.id(), change.changeSeq());
					events.publishEvent(new ArticleChanged(change.id(), change.creatorId(), change.channelId()));
				}
				done += changes.size();
				position = newPosition;
			}
			from = last;
			double rateNow = done / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
			progress = new Progress(true, done, Math.max(backlog, done), Math.round(rateNow),
					Math.max(0, Math.round((backlog - done) / Math.max(rateNow, 1))), 0);
			if (report && System.nanoTime() - lastLog > 2_000_000_000L) {
				lastLog = System.nanoTime();
				double rate = done / ((lastLog - started) / 1e9);
				log.info("Search index build: {}/{} ({}%), {}/s, ETA {}s", done, backlog,
						Math.min(100, done * 100 / backlog), Math.round(rate),
						Math.max(0, Math.round((backlog - done) / Math.max(rate, 1))));
			}
			if (keys.size() < BATCH) {
				break;
			}
		}
		if (progress.running()) {
			progress = new Progress(false, done, Math.max(backlog, done), progress.perSecond(), 0, 0);
		}
		long horizon = position - LAG;
		recentlyApplied.values().removeIf(seq -> seq < horizon);
		if (report && done > 0) {
			log.info("Search index built: {} articles in {} ms", done, (System.nanoTime() - started) / 1_000_000);
		}
		if (!ready) {
			ready = true;
			log.info("Search index ready: {} articles", index.documentCount());
		}
	}

}
