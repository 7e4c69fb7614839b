package io.inkstone.engagement;

import java.util.Locale;

/**
 * Where a counted read came from, as a creator's analytics show it. Only the category
 * and, for search, feed and other sites, the referring host are kept: never the path, the
 * query or anything about the reader.
 */
public enum ReadSource {

	/**
	 * No referrer: typed or bookmarked, an app, a native feed reader, or unknown (the
	 * no-script beacon, whose own Referer is the article page).
	 */
	DIRECT,
	/** A known search engine. */
	SEARCH,
	/** A feed reader, or a link tagged as coming from a feed ({@code utm_medium=rss}). */
	FEED,
	/** Another page of this site. */
	INTERNAL,
	/** Any other site, kept by its host. */
	OTHER;

	/** The lower-case name kept in the database and used in CSV headers and test ids. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ReadSource fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
