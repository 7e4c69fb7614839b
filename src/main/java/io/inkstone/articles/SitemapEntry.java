package io.inkstone.articles;

/**
 * A public article as a sitemap lists it: its id, publication and last content change
 * (epoch millis).
 */
public record SitemapEntry(long id, long publishedAt, long modifiedAt) {
}
