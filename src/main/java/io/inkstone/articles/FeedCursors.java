package io.inkstone.articles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named, persisted positions in the articles change feed ({@code article_feed_cursors}).
 * A follower that keeps derived rows in the database saves its position in the same
 * transaction as those rows, so a crash never leaves them out of step.
 */
@Component
public class FeedCursors {

	private final JdbcClient jdbc;

	FeedCursors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The saved position, 0 when the follower has none yet (it starts from the
	 * beginning).
	 */
	public long position(String name) {
		return jdbc.sql("SELECT seq FROM article_feed_cursors WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Moves the named cursor forward (never back); runs in the caller's transaction. */
	public void save(String name, long seq) {
		if (jdbc.sql("UPDATE article_feed_cursors SET seq = :seq WHERE name = :name AND seq < :seq")
			.param("name", name)
			.param("seq", seq)
			.update() == 0) {
			jdbc.sql("INSERT INTO article_feed_cursors (name, seq) VALUES (:name, :seq) ON CONFLICT (name) DO NOTHING")
				.param("name", name)
				.param("seq", seq)
				.update();
		}
	}

}
