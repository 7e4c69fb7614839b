package io.inkstone.channels;

/** A channel as other modules and templates see it. */
public record Channel(long id, String slug, String name, int position, boolean originalTab) {
}
