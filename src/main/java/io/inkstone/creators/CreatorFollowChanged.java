package io.inkstone.creators;

/**
 * A reader followed or unfollowed a creator. Caches of follower counts and follow state
 * listen; in cluster mode the event is relayed to every node.
 */
public record CreatorFollowChanged(long creatorId, String readerKey) {
}
