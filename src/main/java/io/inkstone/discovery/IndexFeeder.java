package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.ArticleFeed;
import io.inkstone.articles.ArticleFeedFollower;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangedArticle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the articles table as a follower of the
 * {@link ArticleFeed}. Its cursor is the position stored in the index's own commit, so
 * index and position never disagree. A fresh index rebuilds from zero with progress in
 * the log; a node that was down catches up; changes made by another process (the import
 * command, another node) arrive here like this node's own.
 */
@Component
@Profile("!import")
class IndexFeeder implements ArticleFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);

	/** A backlog this large is a build worth reporting in the log. */
	private static final int REPORTED_BACKLOG = 5000;

	private final Articles articles;

	private final SearchIndex index;

	private final ApplicationEventPublisher events;

	private volatile boolean ready;

	IndexFeeder(Articles articles, SearchIndex index, ApplicationEventPublisher events) {
		this.articles = articles;
		this.index = index;
		this.events = events;
	}

	/**
	 * Where a build stands: articles applied of the backlog, rate per second, seconds
	 * left.
	 */
	public record Progress(boolean running, long done, long total, long perSecond, long etaSeconds, int documents) {

		public int percent() {
			return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}

	}

	private volatile boolean rebuildRequested;

	private volatile Progress progress = new Progress(false, 0, 0, 0, 0, 0);

	/**
	 * Empties the index on the next poll and rebuilds it from the database, with
	 * progress.
	 */
	void requestRebuild() {
		rebuildRequested = true;
		progress = new Progress(true, 0, 0, 0, 0, 0);
	}

	Progress progress() {
		// the flag first: position() marks the progress running before it clears the
		// flag, so a rebuild between the two reads is never seen as finished
		boolean requested = rebuildRequested;
		Progress p = progress;
		return new Progress(p.running() || requested, p.done(), p.total(), p.perSecond(), p.etaSeconds(),
				index.documentCount());
	}

	/** True once the index has caught up with the database after start. */
	boolean ready() {
		return ready;
	}

	private boolean comparedWithDatabase;

	/**
	 * The backlog being worked off: when it started, how big it was, how much is done.
	 */
	private long started;

	private long backlog;

	private long done;

	private long lastLog;

	@Override
	public String name() {
		return "search-index";
	}

	@Override
	public synchronized long position() {
		if (!comparedWithDatabase) {
			comparedWithDatabase = true;
			long at = index.feedPosition();
			// an index ahead of every change in the database describes another database
			// (one restored from a
			// backup under a kept index directory): rebuild it rather than keep articles
			// the database does not have
			if (at > 0 && articles.changeKeysSince(at - 1, 1).isEmpty()) {
				log.info("The search index is ahead of the database (restored from a backup?): rebuilding it");
				rebuildRequested = true;
			}
		}
		if (rebuildRequested) {
			progress = new Progress(true, 0, 0, 0, 0, 0);
			rebuildRequested = false;
			index.reset();
		}
		return index.feedPosition();
	}

	@Override
	public synchronized void apply(List<ChangedArticle> changes, long position) {
		if (backlog == 0) {
			started = System.nanoTime();
			lastLog = started;
			done = 0;
			backlog = Math.max(1, articles.countChangedSince(index.feedPosition()));
		}
		index.apply(changes, position);
		if (!changes.isEmpty()) {
			// related lists (and pages showing them) computed while the index lacked
			// these changes are computed again
			events.publishEvent(new SearchIndexChanged(changes.stream().map(ChangedArticle::id).toList()));
		}
		done += changes.size();
		double rateNow = done / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
		progress = new Progress(true, done, Math.max(backlog, done), Math.round(rateNow),
				Math.max(0, Math.round((backlog - done) / Math.max(rateNow, 1))), 0);
		if (backlog >= REPORTED_BACKLOG && System.nanoTime() - lastLog > 2_000_000_000L) {
			lastLog = System.nanoTime();
			log.info("Search index build: {}/{} ({}%), {}/s, ETA {}s", done, backlog,
					Math.min(100, done * 100 / backlog), Math.round(rateNow),
					Math.max(0, Math.round((backlog - done) / Math.max(rateNow, 1))));
		}
	}

	@Override
	public synchronized void caughtUp() {
		if (backlog > 0) {
			if (backlog >= REPORTED_BACKLOG && done > 0) {
				log.info("Search index built: {} articles in {} ms", done, (System.nanoTime() - started) / 1_000_000);
			}
			progress = new Progress(false, done, Math.max(backlog, done), progress.perSecond(), 0, 0);
			backlog = 0;
		}
		else if (progress.running() && !rebuildRequested) {
			progress = new Progress(false, progress.done(), progress.total(), progress.perSecond(), 0, 0);
		}
		if (!ready) {
			ready = true;
			log.info("Search index ready: {} articles", index.documentCount());
		}
	}

}
