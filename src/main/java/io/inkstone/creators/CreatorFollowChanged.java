package io.inkstone.creators;

/** A reader followed or unfollowed a creator; caches showing follower counts listen. */
public record CreatorFollowChanged(long creatorId) {
}
