package io.inkstone.creators;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

	private static final String COLUMNS = "id, account_id, account_type, display_name, handle, tagline, channel_slug, contact,"
			+ " entity_name, credit_code, agreement_version, status, reason, created_at, decided_at, avatar_url";

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CreatorApplication a) {
		jdbc.sql("INSERT INTO creator_applications (" + COLUMNS
				+ ") VALUES (:id, :account, :type, :name, :handle, :tagline,"
				+ " :channel, :contact, :entity, :code, :agreement, 'pending', NULL, :now, NULL, :avatar)")
			.param("avatar", a.avatarUrl())
			.param("id", a.id())
			.param("account", a.accountId())
			.param("type", a.accountType())
			.param("name", a.displayName())
			.param("handle", a.handle())
			.param("tagline", a.tagline())
			.param("channel", a.channelSlug())
			.param("contact", a.contact())
			.param("entity", a.entityName())
			.param("code", a.creditCode())
			.param("agreement", a.agreementVersion())
			.param("now", a.createdAt())
			.update();
	}

	List<CreatorApplication> byAccount(long accountId) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM creator_applications WHERE account_id = :account ORDER BY created_at DESC")
			.param("account", accountId)
			.query(CreatorApplication.class)
			.list();
	}

	List<CreatorApplication> pending() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM creator_applications WHERE status = 'pending' ORDER BY created_at")
			.query(CreatorApplication.class)
			.list();
	}

	Optional<CreatorApplication> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM creator_applications WHERE id = :id")
			.param("id", id)
			.query(CreatorApplication.class)
			.optional();
	}

	boolean handlePending(String handle) {
		return jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE status = 'pending' AND handle = :handle")
			.param("handle", handle)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Decides a pending application; false when it was no longer pending (decided by
	 * someone else).
	 */
	boolean decide(long id, String status, String reason, long now) {
		return jdbc
			.sql("UPDATE creator_applications SET status = :status, reason = :reason, decided_at = :now"
					+ " WHERE id = :id AND status = 'pending'")
			.param("status", status)
			.param("reason", reason)
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

}
