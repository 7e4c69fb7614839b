package io.inkstone.engagement;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;

/**
 * 收藏: a signed-in reader's saved articles, newest save first. Personal: never on a shared
 * page.
 */
@Service
public class SavedArticles {

	/** The most saved articles the list shows. */
	public static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	SavedArticles(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Saves an article (the caller checks that it is public); saving twice keeps the
	 * first time.
	 */
	@Transactional
	public void save(long accountId, long articleId) {
		jdbc.sql("INSERT INTO saved_articles (account_id, article_id, saved_at) VALUES (:a, :id, :at)"
				+ " ON CONFLICT (account_id, article_id) DO NOTHING")
			.param("a", accountId)
			.param("id", articleId)
			.param("at", clock.millis())
			.update();
	}

	@Transactional
	public void unsave(long accountId, long articleId) {
		jdbc.sql("DELETE FROM saved_articles WHERE account_id = :a AND article_id = :id")
			.param("a", accountId)
			.param("id", articleId)
			.update();
	}

	public boolean isSaved(long accountId, long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM saved_articles WHERE account_id = :a AND article_id = :id")
			.param("a", accountId)
			.param("id", articleId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The saved article ids, newest save first (articles no longer public drop out where
	 * they are shown).
	 */
	public List<Long> of(long accountId) {
		return jdbc
			.sql("SELECT article_id FROM saved_articles WHERE account_id = :a ORDER BY saved_at DESC, article_id DESC"
					+ " LIMIT :limit")
			.param("a", accountId)
			.param("limit", LIST_LIMIT)
			.query(Long.class)
			.list();
	}

	/** 注销: a deleted account's saved articles go. */
	@EventListener
	void on(AccountDeleted deleted) {
		jdbc.sql("DELETE FROM saved_articles WHERE account_id = :a").param("a", deleted.accountId()).update();
	}

}
