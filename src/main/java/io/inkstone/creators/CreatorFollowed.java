package io.inkstone.creators;

/**
 * A reader started following a creator ({@code readerKey} as
 * {@link io.inkstone.shared.ReaderKey} makes it). Unlike {@link CreatorFollowChanged},
 * which refreshes caches on every node, this is a durable domain event for the creator's
 * message centre; following again after an unfollow publishes it again.
 */
public record CreatorFollowed(long creatorId, String readerKey, long at) {
}
