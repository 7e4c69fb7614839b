package io.inkstone.syndication;

import java.util.List;

import io.inkstone.shared.OutboundAttempts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code publish_pings}: the queue and log of publish pings. */
@Repository
class PingRepository {

	record Ping(long id, String endpoint, long articleId, String url, int attempts) {
	}

	private final JdbcClient jdbc;

	private final OutboundAttempts outbound;

	PingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.outbound = new OutboundAttempts(jdbc, "publish_pings");
	}

	/**
	 * Queues a ping unless this publication is already queued for the endpoint; true if
	 * queued now.
	 */
	boolean enqueue(long id, String endpoint, long articleId, long publishedAt, String url, long now) {
		return jdbc.sql(
				"INSERT INTO publish_pings (id, endpoint, article_id, published_at, url, status, attempts, next_attempt,"
						+ " created_at) VALUES (:id, :endpoint, :article, :published, :url, 'pending', 0, :now, :now)"
						+ " ON CONFLICT (endpoint, article_id, published_at) DO NOTHING")
			.param("id", id)
			.param("endpoint", endpoint)
			.param("article", articleId)
			.param("published", publishedAt)
			.param("url", url)
			.param("now", now)
			.update() == 1;
	}

	List<Ping> due(String endpoint, long now, int limit) {
		return jdbc
			.sql("SELECT id, endpoint, article_id, url, attempts FROM publish_pings WHERE endpoint = :endpoint"
					+ " AND status = 'pending' AND next_attempt <= :now ORDER BY next_attempt, id LIMIT :limit")
			.param("endpoint", endpoint)
			.param("now", now)
			.param("limit", limit)
			.query((rs, n) -> new Ping(rs.getLong("id"), rs.getString("endpoint"), rs.getLong("article_id"),
					rs.getString("url"), rs.getInt("attempts")))
			.list();
	}

	/** Claims a due ping for one attempt (one node wins); false if another took it. */
	boolean claim(long id, int attempts, long until) {
		return outbound.claim(id, attempts, until);
	}

	void delivered(long id, int status, long now) {
		outbound.delivered(id, status, now);
	}

	void failed(long id, Integer status, String error, Long retryAt) {
		outbound.failed(id, status, error, retryAt);
	}

}
