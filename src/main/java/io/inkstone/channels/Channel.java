package io.inkstone.channels;

/**
 * A channel as other modules and templates see it; a hidden one is left out of the reader
 * navigation only.
 */
public record Channel(long id, String slug, String name, int position, boolean originalTab, boolean hidden) {
}
