package io.inkstone.accounts;

/**
 * Published by whoever approves a creator; the accounts module upgrades the account's
 * role.
 */
public record CreatorRoleGranted(long accountId) {
}
