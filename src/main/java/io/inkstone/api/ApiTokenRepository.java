package io.inkstone.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table (this module's own). */
@Repository
class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, long accountId, String name, String hash, String prefix, Set<String> scopes, long now,
			Long expiresAt) {
		jdbc.sql(
				"INSERT INTO api_tokens (id, account_id, name, token_hash, token_prefix, scopes, created_at, expires_at)"
						+ " VALUES (:id, :account, :name, :hash, :prefix, :scopes, :now, :expires)")
			.param("id", id)
			.param("account", accountId)
			.param("name", name)
			.param("hash", hash)
			.param("prefix", prefix)
			.param("scopes", String.join(",", new TreeSet<>(scopes)))
			.param("now", now)
			.param("expires", expiresAt)
			.update();
	}

	Optional<ApiToken> findByHash(String hash) {
		return jdbc.sql("SELECT * FROM api_tokens WHERE token_hash = :hash")
			.param("hash", hash)
			.query(this::row)
			.optional();
	}

	List<ApiToken> byAccount(long accountId) {
		return jdbc.sql("SELECT * FROM api_tokens WHERE account_id = :account ORDER BY created_at DESC, id DESC")
			.param("account", accountId)
			.query(this::row)
			.list();
	}

	long countActive(long accountId, long now) {
		return jdbc
			.sql("SELECT COUNT(*) FROM api_tokens WHERE account_id = :account AND revoked_at IS NULL"
					+ " AND (expires_at IS NULL OR expires_at > :now)")
			.param("account", accountId)
			.param("now", now)
			.query(Long.class)
			.single();
	}

	boolean revoke(long id, long accountId, long now) {
		return jdbc.sql(
				"UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND account_id = :account AND revoked_at IS NULL")
			.param("now", now)
			.param("id", id)
			.param("account", accountId)
			.update() == 1;
	}

	void touch(long id, long now) {
		jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id").param("now", now).param("id", id).update();
	}

	private ApiToken row(ResultSet rs, int n) throws SQLException {
		Set<String> scopes = new TreeSet<>(Arrays.asList(rs.getString("scopes").split(",")));
		return new ApiToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
				rs.getString("token_prefix"), scopes, rs.getLong("created_at"), nullableLong(rs, "expires_at"),
				nullableLong(rs, "last_used_at"), nullableLong(rs, "revoked_at"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
