package io.inkstone.site;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The shared-page store and the caching headers of anonymous pages.
 *
 * @param enabled answer anonymous page requests from the in-memory store
 * @param maxSize memory the stored pages (identity and gzip bytes) may take
 * @param ttl how long a stored page is served at most; counts shown without JavaScript
 * are this old at most
 * @param sharedMaxAge {@code s-maxage} for shared caches (nginx, a CDN)
 * @param staleWhileRevalidate {@code stale-while-revalidate} for shared caches
 * @param purgeUrl a CDN purge hook: on every change the store is purged and this URL gets
 * a POST with the changed paths; empty for none
 */
@ConfigurationProperties("inkstone.pages")
record PageStoreProperties(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize,
		@DefaultValue("10s") Duration ttl, @DefaultValue("5s") Duration sharedMaxAge,
		@DefaultValue("30s") Duration staleWhileRevalidate, @DefaultValue("") String purgeUrl) {

	/** The header anonymous pages carry. */
	String cacheControl() {
		return "public, max-age=0, s-maxage=" + sharedMaxAge.toSeconds() + ", stale-while-revalidate="
				+ staleWhileRevalidate.toSeconds();
	}

}
