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
		return jdbc.sql("SELECT id, slug, name, position, original_tab FROM channels ORDER BY position, id")
			.query(Channel.class)
			.list();
	}

	Optional<Channel> findBySlug(String slug) {
		return jdbc.sql("SELECT id, slug, name, position, original_tab FROM channels WHERE slug = :slug")
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

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM channels").query(Long.class).single();
	}

}
