package io.inkstone.api;

import java.util.Set;

/**
 * A personal access token as its owner sees it in the list: never the token itself, only
 * its first characters.
 */
public record ApiToken(long id, long accountId, String name, String prefix, Set<String> scopes, long createdAt,
		Long expiresAt, Long lastUsedAt, Long revokedAt) {

	public static final String READ = "read";

	public static final String WRITE = "write";

	public boolean canWrite() {
		return scopes.contains(WRITE);
	}

	public boolean revoked() {
		return revokedAt != null;
	}

	public boolean expired(long now) {
		return expiresAt != null && expiresAt <= now;
	}

	public boolean active(long now) {
		return !revoked() && !expired(now);
	}

}
