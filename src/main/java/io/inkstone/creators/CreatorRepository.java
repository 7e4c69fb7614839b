package io.inkstone.creators;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreatorRepository {

	private static final String COLUMNS = "id, handle, display_name, avatar_url, tagline, account_type, verified, region";

	private final JdbcClient jdbc;

	CreatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Creator> findByHandle(String handle) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM creators WHERE handle = :handle")
			.param("handle", handle)
			.query(Creator.class)
			.optional();
	}

	Optional<Creator> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM creators WHERE id = :id")
			.param("id", id)
			.query(Creator.class)
			.optional();
	}

	List<Creator> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM creators WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Creator.class)
			.list();
	}

	void insertIfAbsent(long id, String handle, String displayName, String tagline, String accountType, long now) {
		jdbc.sql(
				"""
						INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region, created_at)
						VALUES (:id, :handle, :name, NULL, :tagline, :type, FALSE, NULL, :now)
						ON CONFLICT (handle) DO NOTHING""")
			.param("id", id)
			.param("handle", handle)
			.param("name", displayName)
			.param("tagline", tagline)
			.param("type", accountType)
			.param("now", now)
			.update();
	}

	void updateProfile(long creatorId, String tagline, String avatarUrl) {
		jdbc.sql("UPDATE creators SET tagline = :tagline, avatar_url = :avatar WHERE id = :id")
			.param("tagline", tagline)
			.param("avatar", avatarUrl)
			.param("id", creatorId)
			.update();
	}

	void updateAvatar(long creatorId, String avatarUrl) {
		jdbc.sql("UPDATE creators SET avatar_url = :avatar WHERE id = :id")
			.param("avatar", avatarUrl)
			.param("id", creatorId)
			.update();
	}

	List<String> handlesNamed(String displayName, int limit) {
		return jdbc.sql("SELECT handle FROM creators WHERE display_name = :name ORDER BY id LIMIT :limit")
			.param("name", displayName)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	List<String> displayNames() {
		return jdbc.sql("SELECT DISTINCT display_name FROM creators").query(String.class).list();
	}

	/** True when the region changed. */
	boolean updateRegion(long creatorId, String region) {
		return jdbc.sql("UPDATE creators SET region = :region WHERE id = :id AND (region IS NULL OR region <> :region)")
			.param("region", region)
			.param("id", creatorId)
			.update() == 1;
	}

	Optional<Long> accountOf(long creatorId) {
		return jdbc.sql("SELECT account_id FROM creators WHERE id = :id AND account_id IS NOT NULL")
			.param("id", creatorId)
			.query(Long.class)
			.optional();
	}

	Optional<Creator> findByAccount(long accountId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM creators WHERE account_id = :account")
			.param("account", accountId)
			.query(Creator.class)
			.optional();
	}

	boolean verifiedNameExists(String displayName) {
		return jdbc.sql("SELECT COUNT(*) FROM creators WHERE verified = TRUE AND lower(display_name) = lower(:name)")
			.param("name", displayName)
			.query(Long.class)
			.single() > 0;
	}

	boolean insertForAccount(long id, long accountId, String handle, String displayName, String tagline,
			String accountType, String avatarUrl, long now) {
		return jdbc
			.sql("INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region,"
					+ " created_at, account_id) VALUES (:id, :handle, :name, :avatar, :tagline, :type, FALSE, NULL, :now, :account)"
					+ " ON CONFLICT (handle) DO NOTHING")
			.param("avatar", avatarUrl)
			.param("id", id)
			.param("handle", handle)
			.param("name", displayName)
			.param("tagline", tagline)
			.param("type", accountType)
			.param("now", now)
			.param("account", accountId)
			.update() == 1;
	}

	List<Long> followedBy(String readerKey) {
		return jdbc.sql("SELECT creator_id FROM follows WHERE reader_key = :reader LIMIT 1000")
			.param("reader", readerKey)
			.query(Long.class)
			.list();
	}

	void deleteFollows(String readerKey) {
		jdbc.sql("DELETE FROM follows WHERE reader_key = :r").param("r", readerKey).update();
	}

	long countFollowers(long creatorId) {
		return jdbc.sql("SELECT COUNT(*) FROM follows WHERE creator_id = :id")
			.param("id", creatorId)
			.query(Long.class)
			.single();
	}

	boolean isFollowing(String readerKey, long creatorId) {
		return jdbc.sql("SELECT COUNT(*) FROM follows WHERE reader_key = :reader AND creator_id = :id")
			.param("reader", readerKey)
			.param("id", creatorId)
			.query(Long.class)
			.single() > 0;
	}

	List<Follower> followers(long creatorId, int limit) {
		return jdbc.sql(
				"SELECT reader_key, created_at FROM follows WHERE creator_id = :id ORDER BY created_at DESC LIMIT :limit")
			.param("id", creatorId)
			.param("limit", limit)
			.query(Follower.class)
			.list();
	}

	List<Long> followTimes(long creatorId, long since) {
		return jdbc.sql("SELECT created_at FROM follows WHERE creator_id = :id AND created_at >= :since")
			.param("id", creatorId)
			.param("since", since)
			.query(Long.class)
			.list();
	}

	boolean follow(String readerKey, long creatorId, long now) {
		return jdbc.sql(
				"INSERT INTO follows (reader_key, creator_id, created_at) VALUES (:reader, :id, :now) ON CONFLICT DO NOTHING")
			.param("reader", readerKey)
			.param("id", creatorId)
			.param("now", now)
			.update() == 1;
	}

	void unfollow(String readerKey, long creatorId) {
		jdbc.sql("DELETE FROM follows WHERE reader_key = :reader AND creator_id = :id")
			.param("reader", readerKey)
			.param("id", creatorId)
			.update();
	}

}
