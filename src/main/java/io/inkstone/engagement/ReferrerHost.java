package io.inkstone.engagement;

/** A referring host (a search engine, a feed reader, another site) and its reads. */
public record ReferrerHost(ReadSource source, String host, long reads) {
}
