package io.inkstone.channels;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository {

	private final JdbcClient jdbc;

	ChannelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Channel> findAll() {
		return jdbc.sql(
				"SELECT id, slug, name, position, original_tab, hidden FROM channels WHERE merged_into IS NULL ORDER BY position, id")
			.query(Channel.class)
			.list();
	}

	Optional<Channel> findBySlug(String slug) {
		return jdbc.sql("SELECT id, slug, name, position, original_tab, hidden FROM channels WHERE slug = :slug")
			.param("slug", slug)
			.query(Channel.class)
			.optional();
	}

	int nextPosition() {
		return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM channels").query(Integer.class).single();
	}

	void insertIfAbsent(long id, String slug, String name, int position, boolean originalTab, long now) {
		jdbc.sql("""
				INSERT INTO channels (id, slug, name, position, original_tab, created_at)
				VALUES (:id, :slug, :name, :position, :originalTab, :now)
				ON CONFLICT (slug) DO NOTHING""")
			.param("id", id)
			.param("slug", slug)
			.param("name", name)
			.param("position", position)
			.param("originalTab", originalTab)
			.param("now", now)
			.update();
	}

	boolean rename(long id, String name) {
		return jdbc.sql("UPDATE channels SET name = :name WHERE id = :id")
			.param("name", name)
			.param("id", id)
			.update() == 1;
	}

	boolean hide(long id, boolean hidden) {
		return jdbc.sql("UPDATE channels SET hidden = :hidden WHERE id = :id")
			.param("hidden", hidden)
			.param("id", id)
			.update() == 1;
	}

	void position(long id, int position) {
		jdbc.sql("UPDATE channels SET position = :position WHERE id = :id")
			.param("position", position)
			.param("id", id)
			.update();
	}

	/**
	 * Marks {@code from} merged into {@code into} (hidden, out of every list), and points
	 * the channels merged into {@code from} earlier at {@code into}, so no redirect ever
	 * chains.
	 */
	boolean merge(long from, long into) {
		boolean merged = jdbc
			.sql("UPDATE channels SET merged_into = :into, hidden = TRUE WHERE id = :from AND merged_into IS NULL")
			.param("into", into)
			.param("from", from)
			.update() == 1;
		if (merged) {
			jdbc.sql("UPDATE channels SET merged_into = :into WHERE merged_into = :from")
				.param("into", into)
				.param("from", from)
				.update();
		}
		return merged;
	}

	/** The slug of the channel a merged channel went into. */
	Optional<String> mergedInto(String slug) {
		return jdbc.sql("SELECT t.slug FROM channels m JOIN channels t ON t.id = m.merged_into WHERE m.slug = :slug")
			.param("slug", slug)
			.query(String.class)
			.optional();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM channels").query(Long.class).single();
	}

}
