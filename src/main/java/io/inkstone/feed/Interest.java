package io.inkstone.feed;

/**
 * One interest tag: {@code kind} is {@code channel} (its name) or {@code tag} (an article
 * tag).
 */
public record Interest(String tag, String kind, long weight, long updatedAt) {
}
