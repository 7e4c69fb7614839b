/**
 * Syndication: RSS 2.0 and Atom 1.0 feeds (ROME) for the site, each channel, creator and
 * tag; the sitemap index, monthly article sitemaps, channel, creator and Google News
 * sitemaps; robots.txt. Every absolute link comes from
 * {@link io.inkstone.shared.PublicUrl}. Reads the articles, channels, creators and
 * governance APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "articles", "channels", "creators", "governance", "shared" })
package io.inkstone.syndication;
