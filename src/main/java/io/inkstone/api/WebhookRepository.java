package io.inkstone.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.inkstone.shared.OutboundAttempts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code webhooks}, {@code webhook_deliveries} and
 * {@code webhook_article_states}.
 */
@Repository
class WebhookRepository {

	private final JdbcClient jdbc;

	private final OutboundAttempts outbound;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.outbound = new OutboundAttempts(jdbc, "webhook_deliveries");
	}

	void insert(Webhook hook) {
		jdbc.sql("INSERT INTO webhooks (id, account_id, creator_id, url, secret, events, created_at)"
				+ " VALUES (:id, :account, :creator, :url, :secret, :events, :now)")
			.param("id", hook.id())
			.param("account", hook.accountId())
			.param("creator", hook.creatorId())
			.param("url", hook.url())
			.param("secret", hook.secret())
			.param("events", String.join(",", hook.events()))
			.param("now", hook.createdAt())
			.update();
	}

	List<Webhook> ofAccount(long accountId) {
		return jdbc
			.sql("SELECT * FROM webhooks WHERE account_id = :account AND deleted_at IS NULL ORDER BY created_at DESC")
			.param("account", accountId)
			.query(this::hook)
			.list();
	}

	Optional<Webhook> find(long id) {
		return jdbc.sql("SELECT * FROM webhooks WHERE id = :id AND deleted_at IS NULL")
			.param("id", id)
			.query(this::hook)
			.optional();
	}

	/** The creator's own hooks and every site-wide hook. */
	List<Webhook> listening(long creatorId) {
		return jdbc
			.sql("SELECT * FROM webhooks WHERE deleted_at IS NULL AND (creator_id = :creator OR creator_id IS NULL)")
			.param("creator", creatorId)
			.query(this::hook)
			.list();
	}

	long countActive() {
		return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE deleted_at IS NULL").query(Long.class).single();
	}

	long countOfAccount(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE account_id = :account AND deleted_at IS NULL")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	boolean delete(long id, long accountId, long now) {
		return jdbc.sql(
				"UPDATE webhooks SET deleted_at = :now WHERE id = :id AND account_id = :account AND deleted_at IS NULL")
			.param("now", now)
			.param("id", id)
			.param("account", accountId)
			.update() == 1;
	}

	void enqueue(long id, long webhookId, String event, String payload, long now) {
		jdbc.sql(
				"INSERT INTO webhook_deliveries (id, webhook_id, event, payload, status, attempts, next_attempt, created_at)"
						+ " VALUES (:id, :hook, :event, :payload, 'pending', 0, :now, :now)")
			.param("id", id)
			.param("hook", webhookId)
			.param("event", event)
			.param("payload", payload)
			.param("now", now)
			.update();
	}

	List<WebhookDelivery> due(long now, int limit) {
		return jdbc
			.sql("SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt <= :now"
					+ " ORDER BY next_attempt, id LIMIT :limit")
			.param("now", now)
			.param("limit", limit)
			.query(this::delivery)
			.list();
	}

	/**
	 * Claims a due delivery for one attempt (one node wins); false if another took it or
	 * it is no longer due.
	 */
	boolean claim(long id, int attempts, long until) {
		return outbound.claim(id, attempts, until);
	}

	void delivered(long id, int status, long now) {
		outbound.delivered(id, status, now);
	}

	void failed(long id, Integer status, String error, Long retryAt) {
		outbound.failed(id, status, error, retryAt);
	}

	List<WebhookDelivery> deliveries(long webhookId, int limit) {
		return jdbc.sql(
				"SELECT * FROM webhook_deliveries WHERE webhook_id = :hook ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("hook", webhookId)
			.param("limit", limit)
			.query(this::delivery)
			.list();
	}

	/**
	 * What the article last looked like to webhooks: published?, modified at; empty if
	 * never seen.
	 */
	Optional<long[]> state(long articleId) {
		return jdbc.sql("SELECT published, modified_at FROM webhook_article_states WHERE article_id = :id")
			.param("id", articleId)
			.query((rs, n) -> new long[] { rs.getBoolean("published") ? 1 : 0, rs.getLong("modified_at") })
			.optional();
	}

	/**
	 * Records how webhooks now see the article; false when it was already recorded so.
	 * Two handlers of the same change racing on two nodes both read the old state, but
	 * only one of them changes it: the other's upsert waits for the first to commit,
	 * finds the new state and changes nothing, so only one queues deliveries.
	 */
	boolean saveState(long articleId, boolean published, long modifiedAt) {
		return jdbc
			.sql("INSERT INTO webhook_article_states (article_id, published, modified_at) VALUES (:id, :published, :modified)"
					+ " ON CONFLICT (article_id) DO UPDATE SET published = excluded.published, modified_at = excluded.modified_at"
					+ " WHERE webhook_article_states.published <> excluded.published"
					+ " OR webhook_article_states.modified_at <> excluded.modified_at")
			.param("id", articleId)
			.param("published", published)
			.param("modified", modifiedAt)
			.update() == 1;
	}

	private Webhook hook(ResultSet rs, int n) throws SQLException {
		long creator = rs.getLong("creator_id");
		Long creatorId = rs.wasNull() ? null : creator;
		return new Webhook(rs.getLong("id"), rs.getLong("account_id"), creatorId, rs.getString("url"),
				rs.getString("secret"), new TreeSet<>(Arrays.asList(rs.getString("events").split(","))),
				rs.getLong("created_at"));
	}

	private WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
		int last = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : last;
		long delivered = rs.getLong("delivered_at");
		Long deliveredAt = rs.wasNull() ? null : delivered;
		return new WebhookDelivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"),
				rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getLong("next_attempt"),
				lastStatus, rs.getString("last_error"), rs.getLong("created_at"), deliveredAt);
	}

}
