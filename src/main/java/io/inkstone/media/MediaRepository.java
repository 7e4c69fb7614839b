package io.inkstone.media;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import java.util.Collection;

@Repository
class MediaRepository {

	private static final String COLUMNS = "id, creator_id, sha256, extension, width, height, bytes, renditions, alt, ai_source, created_at";

	private final JdbcClient jdbc;

	MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts, or (same creator, same bytes) updates the alt text of the existing row;
	 * returns the row.
	 */
	MediaItem upsert(MediaItem item) {
		jdbc.sql("INSERT INTO media (" + COLUMNS
				+ ") VALUES (:id, :creator, :sha, :ext, :w, :h, :bytes, :renditions, :alt, :ai, :at)"
				+ " ON CONFLICT (creator_id, sha256) DO UPDATE SET alt = excluded.alt")
			.param("id", item.id())
			.param("creator", item.creatorId())
			.param("sha", item.sha256())
			.param("ext", item.extension())
			.param("w", item.width())
			.param("h", item.height())
			.param("bytes", item.bytes())
			.param("renditions", item.renditions())
			.param("alt", item.alt())
			.param("ai", item.aiSource())
			.param("at", item.createdAt())
			.update();
		return ofCreatorBySha(item.creatorId(), item.sha256()).orElseThrow();
	}

	Optional<MediaItem> ofCreatorBySha(long creatorId, String sha) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE creator_id = :creator AND sha256 = :sha")
			.param("creator", creatorId)
			.param("sha", sha)
			.query(MediaItem.class)
			.optional();
	}

	Optional<MediaItem> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id = :id")
			.param("id", id)
			.query(MediaItem.class)
			.optional();
	}

	Optional<MediaItem> anyBySha(String sha) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE sha256 = :sha ORDER BY id LIMIT 1")
			.param("sha", sha)
			.query(MediaItem.class)
			.optional();
	}

	/**
	 * One row per content hash among {@code shas} (any uploader's: the bytes and
	 * renditions are the same).
	 */
	List<MediaItem> anyByShas(Collection<String> shas) {
		if (shas.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE sha256 IN (:shas)")
			.param("shas", shas)
			.query(MediaItem.class)
			.list();
	}

	List<MediaItem> ofCreator(long creatorId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM media WHERE creator_id = :creator ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("creator", creatorId)
			.param("limit", limit)
			.query(MediaItem.class)
			.list();
	}

	boolean delete(long id, long creatorId) {
		return jdbc.sql("DELETE FROM media WHERE id = :id AND creator_id = :creator")
			.param("id", id)
			.param("creator", creatorId)
			.update() == 1;
	}

	long countBySha(String sha) {
		return jdbc.sql("SELECT count(*) FROM media WHERE sha256 = :sha").param("sha", sha).query(Long.class).single();
	}

}
