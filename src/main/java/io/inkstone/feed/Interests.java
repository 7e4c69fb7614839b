package io.inkstone.feed;

import io.inkstone.channels.Channels;
import io.inkstone.articles.Articles;
import org.springframework.context.event.EventListener;
import io.inkstone.engagement.ArticleEngaged;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import io.inkstone.accounts.AccountDeleted;

/** Interest tags and the personalisation switch of signed-in readers. */
@Service
public class Interests {

	static final int MAX_TAGS = 50;

	/** Reads waiting to be recorded beyond this are not (a database busy for long). */
	static final int MAX_QUEUED = 100_000;

	private static final Logger log = LoggerFactory.getLogger(Interests.class);

	private record Read(long accountId, long articleId) {
	}

	private final Queue<Read> reads = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final Articles articles;

	private final Channels channels;

	private final Clock clock;

	Interests(JdbcClient jdbc, Articles articles, Channels channels, Clock clock, TransactionTemplate tx) {
		this.tx = tx;
		this.clock = clock;
		this.articles = articles;
		this.channels = channels;
		this.jdbc = jdbc;
	}

	public boolean personalised(long accountId) {
		return jdbc.sql("SELECT personalised FROM reader_settings WHERE account_id = :a")
			.param("a", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	public Long lastRead(long accountId) {
		return jdbc.sql("SELECT last_read_id FROM reader_settings WHERE account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	@Transactional
	public void setPersonalised(long accountId, boolean on) {
		long now = clock.millis();
		if (jdbc.sql("UPDATE reader_settings SET personalised = :p, updated_at = :now WHERE account_id = :a")
			.param("p", on)
			.param("now", now)
			.param("a", accountId)
			.update() == 0) {
			jdbc.sql(
					"INSERT INTO reader_settings (account_id, personalised, last_read_id, updated_at) VALUES (:a, :p, NULL, :now)")
				.param("a", accountId)
				.param("p", on)
				.param("now", now)
				.update();
		}
		if (!on) {
			// off means no personal signal: what was learned is not kept for later either
			jdbc.sql("DELETE FROM reader_interests WHERE account_id = :a").param("a", accountId).update();
			jdbc.sql("UPDATE reader_settings SET last_read_id = NULL WHERE account_id = :a")
				.param("a", accountId)
				.update();
		}
	}

	/**
	 * A counted read, on the reader's thread: only queued. Writing here held the reader
	 * (and a Jetty thread) for SQLite's busy timeout whenever an import or a backup had
	 * the writer, then answered 503; the interests are bookkeeping, skipped rather than
	 * failed, and written a second later.
	 */
	@EventListener
	void on(ArticleEngaged engaged) {
		if (engaged.isReadBy() && engaged.accountId() != null) {
			if (queued.incrementAndGet() <= MAX_QUEUED) {
				reads.add(new Read(engaged.accountId(), engaged.articleId()));
			}
			else {
				queued.decrementAndGet(); // a backlog this long: this read teaches
											// nothing
			}
		}
	}

	/**
	 * Records the queued reads, each in its own transaction; a busy database leaves the
	 * rest for the next turn.
	 */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	@PreDestroy
	synchronized void recordQueuedReads() {
		Read read;
		while ((read = reads.peek()) != null) {
			Read next = read;
			try {
				articles.find(next.articleId())
					.ifPresent(article -> tx.executeWithoutResult(status -> recordRead(next.accountId(), article.id(),
							channels.get(article.channelId()).name(), article.tagList())));
			}
			catch (RuntimeException ex) {
				if (DatabaseBusy.is(ex)) {
					log.debug("Interests not recorded, the database is busy; next turn");
					return;
				}
				log.warn("Interests of a read not recorded: {}", ex.getMessage());
			}
			reads.poll();
			queued.decrementAndGet();
		}
	}

	/**
	 * A signed-in reader read an article: its channel and tags become (stronger)
	 * interests. Off → nothing is recorded.
	 */
	@Transactional
	public void recordRead(long accountId, long articleId, String channelName, List<String> tags) {
		if (!personalised(accountId)) {
			return;
		}
		long now = clock.millis();
		add(accountId, channelName, "channel", articleId, now);
		for (String tag : tags.stream().limit(5).toList()) {
			add(accountId, tag, "tag", articleId, now);
		}
		if (jdbc.sql("UPDATE reader_settings SET last_read_id = :id, updated_at = :now WHERE account_id = :a")
			.param("id", articleId)
			.param("now", now)
			.param("a", accountId)
			.update() == 0) {
			jdbc.sql(
					"INSERT INTO reader_settings (account_id, personalised, last_read_id, updated_at) VALUES (:a, TRUE, :id, :now)")
				.param("a", accountId)
				.param("id", articleId)
				.param("now", now)
				.update();
		}
		// keep the strongest MAX_TAGS
		List<String> extra = jdbc
			.sql("SELECT tag FROM reader_interests WHERE account_id = :a ORDER BY weight DESC, updated_at DESC"
					+ " LIMIT 1000 OFFSET " + MAX_TAGS)
			.param("a", accountId)
			.query(String.class)
			.list();
		for (String tag : extra) {
			remove(accountId, tag);
		}
	}

	private void add(long accountId, String tag, String kind, long articleId, long now) {
		String clean = tag == null ? "" : tag.strip();
		if (clean.isEmpty() || clean.length() > 40) {
			return;
		}
		jdbc.sql(
				"INSERT INTO reader_interests (account_id, tag, kind, weight, last_article_id, updated_at) VALUES (:a, :t, :k, 1, :id, :now)"
						+ " ON CONFLICT (account_id, tag) DO UPDATE SET weight = reader_interests.weight + 1,"
						+ " last_article_id = EXCLUDED.last_article_id, updated_at = EXCLUDED.updated_at")
			.param("a", accountId)
			.param("t", clean)
			.param("k", kind)
			.param("id", articleId)
			.param("now", now)
			.update();
	}

	public List<Interest> of(long accountId) {
		return jdbc.sql(
				"SELECT tag, kind, weight, updated_at FROM reader_interests WHERE account_id = :a ORDER BY weight DESC, updated_at DESC")
			.param("a", accountId)
			.query(Interest.class)
			.list();
	}

	public void remove(long accountId, String tag) {
		if (jdbc.sql("DELETE FROM reader_interests WHERE account_id = :a AND tag = :t")
			.param("a", accountId)
			.param("t", tag)
			.update() == 0) {
			throw new NotFoundException("no such interest");
		}
	}

	/** The account is deleted: its interests go with it. */
	@EventListener
	void on(AccountDeleted deleted) {
		jdbc.sql("DELETE FROM reader_interests WHERE account_id = :a").param("a", deleted.accountId()).update();
		jdbc.sql("DELETE FROM reader_settings WHERE account_id = :a").param("a", deleted.accountId()).update();
	}

}
