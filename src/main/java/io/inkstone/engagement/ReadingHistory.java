package io.inkstone.engagement;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;

/**
 * 阅读历史: the articles a signed-in reader opened, latest first; clearable, and off by a
 * switch (then nothing is recorded and what was kept is deleted). Personal: never on a
 * shared page, never for anonymous readers.
 */
@Service
public class ReadingHistory {

	/** The most entries the list shows. */
	public static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReadingHistory(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Records that the account opened the article now (unless its history is off). */
	@Transactional
	public void record(long accountId, long articleId) {
		if (!enabled(accountId)) {
			return;
		}
		jdbc.sql("INSERT INTO reading_history (account_id, article_id, read_at) VALUES (:a, :id, :at)"
				+ " ON CONFLICT (account_id, article_id) DO UPDATE SET read_at = excluded.read_at")
			.param("a", accountId)
			.param("id", articleId)
			.param("at", clock.millis())
			.update();
	}

	public boolean enabled(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM reading_history_off WHERE account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.single() == 0;
	}

	@Transactional
	public void clear(long accountId) {
		jdbc.sql("DELETE FROM reading_history WHERE account_id = :a").param("a", accountId).update();
	}

	/** Switches recording off (and forgets what was kept) or back on. */
	@Transactional
	public void switchTo(long accountId, boolean on) {
		if (on) {
			jdbc.sql("DELETE FROM reading_history_off WHERE account_id = :a").param("a", accountId).update();
			return;
		}
		jdbc.sql(
				"INSERT INTO reading_history_off (account_id, since) VALUES (:a, :at) ON CONFLICT (account_id) DO NOTHING")
			.param("a", accountId)
			.param("at", clock.millis())
			.update();
		clear(accountId);
	}

	/** The article ids, most recently read first. */
	public List<Long> of(long accountId) {
		return jdbc
			.sql("SELECT article_id FROM reading_history WHERE account_id = :a ORDER BY read_at DESC, article_id DESC"
					+ " LIMIT :limit")
			.param("a", accountId)
			.param("limit", LIST_LIMIT)
			.query(Long.class)
			.list();
	}

	/** 注销: a deleted account's reading history and its switch go. */
	@EventListener
	void on(AccountDeleted deleted) {
		jdbc.sql("DELETE FROM reading_history WHERE account_id = :a").param("a", deleted.accountId()).update();
		jdbc.sql("DELETE FROM reading_history_off WHERE account_id = :a").param("a", deleted.accountId()).update();
	}

}
