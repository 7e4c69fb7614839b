package io.inkstone.accounts;

/** An account's role changed (creator approved, reviewer appointed or revoked). */
public record AccountRoleChanged(long accountId, String role) {
}
