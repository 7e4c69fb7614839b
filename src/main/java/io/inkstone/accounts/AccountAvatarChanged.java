package io.inkstone.accounts;

/**
 * An account's avatar changed: a creator's card follows it (the creators module listens).
 */
public record AccountAvatarChanged(long accountId, String avatarUrl) {
}
