package io.inkstone.creators;

/**
 * A creator's public profile (tagline, avatar) changed: pages that show their card are
 * out of date.
 */
public record CreatorProfileChanged(long creatorId) {
}
