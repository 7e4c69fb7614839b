package io.inkstone.messages;

import java.util.List;
import java.util.Optional;

import io.inkstone.shared.Cursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code messages} and {@code message_receipts}: the only SQL that touches them. */
@Repository
class MessageRepository {

	private static final String COLUMNS = "id, kind, outcome, ref, title, actor, actor_count, note, link, created_at, updated_at, read_at";

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Remembers that {@code eventKey} reached {@code recipient}; false if it had already
	 * (a redelivery).
	 */
	boolean receive(String eventKey, long recipient, long now) {
		return jdbc.sql(
				"INSERT INTO message_receipts (event_key, recipient_id, created_at) VALUES (:k, :r, :now) ON CONFLICT DO NOTHING")
			.param("k", eventKey)
			.param("r", recipient)
			.param("now", now)
			.update() == 1;
	}

	/**
	 * Adds a message, or — when the recipient already has one under {@code groupKey}
	 * (today's likes of an article) — counts one more actor, names the latest and marks
	 * it unread again. Returns the number of actors now counted.
	 */
	int upsert(long id, long recipient, String kind, String groupKey, String outcome, String ref, String title,
			String actor, String note, String link, long now) {
		return jdbc
			.sql("INSERT INTO messages (id, recipient_id, kind, group_key, outcome, ref, title, actor, actor_count, note, link,"
					+ " created_at, updated_at, read_at) VALUES (:id, :r, :kind, :g, :o, :ref, :title, :actor, 1, :note, :link, :now, :now, NULL)"
					+ " ON CONFLICT (recipient_id, group_key) DO UPDATE SET actor_count = messages.actor_count + 1,"
					+ " actor = excluded.actor, updated_at = excluded.updated_at, read_at = NULL RETURNING actor_count")
			.param("id", id)
			.param("r", recipient)
			.param("kind", kind)
			.param("g", groupKey)
			.param("o", outcome)
			.param("ref", ref)
			.param("title", title)
			.param("actor", actor)
			.param("note", note)
			.param("link", link)
			.param("now", now)
			.query(Integer.class)
			.single();
	}

	/**
	 * A page of the recipient's messages, most recently updated first, after
	 * {@code after}; one more than asked.
	 */
	List<Message> page(long recipient, Cursor after, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE recipient_id = :r"
				+ " AND (updated_at < :t OR (updated_at = :t AND id < :id)) ORDER BY updated_at DESC, id DESC LIMIT :n")
			.param("r", recipient)
			.param("t", after.publishedAt())
			.param("id", after.id())
			.param("n", limit + 1)
			.query((rs, n) -> {
				rs.getLong("read_at");
				boolean unread = rs.wasNull();
				return new Message(rs.getLong("id"), rs.getString("kind"), rs.getString("outcome"), rs.getString("ref"),
						rs.getString("title"), rs.getString("actor"), rs.getInt("actor_count"), rs.getString("note"),
						rs.getString("link"), rs.getLong("created_at"), rs.getLong("updated_at"), unread);
			})
			.list();
	}

	/** The link of the recipient's message {@code id}; empty when it is not theirs. */
	Optional<String> linkOf(long recipient, long id) {
		return jdbc.sql("SELECT link FROM messages WHERE id = :id AND recipient_id = :r")
			.param("id", id)
			.param("r", recipient)
			.query(String.class)
			.optional();
	}

	int markRead(long recipient, List<Long> ids, long now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("UPDATE messages SET read_at = :now WHERE recipient_id = :r AND read_at IS NULL AND id IN (:ids)")
			.param("now", now)
			.param("r", recipient)
			.param("ids", ids)
			.update();
	}

	int markAllRead(long recipient, long now) {
		return jdbc.sql("UPDATE messages SET read_at = :now WHERE recipient_id = :r AND read_at IS NULL")
			.param("now", now)
			.param("r", recipient)
			.update();
	}

	long unread(long recipient, int cap) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE recipient_id = :r AND read_at IS NULL LIMIT :cap) u")
			.param("r", recipient)
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	void deleteAll(long recipient) {
		jdbc.sql("DELETE FROM messages WHERE recipient_id = :r").param("r", recipient).update();
		jdbc.sql("DELETE FROM message_receipts WHERE recipient_id = :r").param("r", recipient).update();
	}

}
