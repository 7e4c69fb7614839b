package io.inkstone.importer;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.util.Locale;

/**
 * The old addresses of imported content (WordPress permalinks, {@code ?p=ID}, old slugs)
 * and the new address each answers with a permanent redirect. Paths are stored
 * percent-decoded, without a trailing slash; queries as {@code ?p=12} /
 * {@code ?page_id=7}. Paths under Inkstone's own prefixes are never recorded, so an
 * import cannot take over a page of the site. Lookups are cached briefly (the import
 * command writes from another process).
 */
@Component
class LegacyPaths {

	/** First path segments that belong to Inkstone itself. */
	static final Set<String> RESERVED = Set.of("articles", "channels", "creators", "tags", "search", "pages", "admin",
			"studio", "rules", "media", "css", "js", "img", "images", "fonts", "favicon.ico", "robots.txt", "login",
			"logout", "signup", "join", "account", "feed", "following", "actuator", "api", "mode", "reports", "appeals",
			"transparency", "algorithms", "sitemap.xml", "sitemaps", "rss", "atom", "comments", "error", "atom.xml",
			"feed.xml", "copyright", "password", "report", "setup", "transparency.csv", "transparency.json", "webjars",
			"static", "favicon.svg", "manifest.json", "hot", "history", "saved", "messages", "mail", "confirm", "csrf",
			"site-logo");

	private final JdbcClient jdbc;

	private final Cache<String, Optional<String>> cache = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	private final Clock clock;

	LegacyPaths(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Decoded, without trailing slashes, "" for the root. */
	static String normalize(String rawPath) {
		String path = WxrImporter.decode(rawPath == null ? "" : rawPath);
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	static boolean reserved(String path) {
		if (path.startsWith("?")) {
			return false;
		}
		String first = path.startsWith("/") ? path.substring(1) : path;
		int slash = first.indexOf('/');
		first = slash < 0 ? first : first.substring(0, slash);
		return first.isEmpty() || RESERVED.contains(first.toLowerCase(Locale.ROOT));
	}

	/** What became of an old address offered by an import. */
	enum Added {

		/** Recorded now, or already recorded with the same target. */
		RECORDED,

		/** Nothing to record (empty, too long). */
		IGNORED,

		/** The site answers this path itself: not recorded. */
		RESERVED,

		/** Another item of an import already holds it (the first wins). */
		TAKEN

	}

	/**
	 * Records an old address unless it is known (the first import wins) or belongs to
	 * Inkstone, and says which.
	 */
	Added add(String path, String target) {
		if (path == null || path.isBlank() || path.length() > 500) {
			return Added.IGNORED;
		}
		if (reserved(path)) {
			return Added.RESERVED;
		}
		int inserted = jdbc.sql(
				"INSERT INTO legacy_paths (path, target, created_at) VALUES (:path, :target, :now) ON CONFLICT (path) DO NOTHING")
			.param("path", path)
			.param("target", target)
			.param("now", clock.millis())
			.update();
		if (inserted > 0) {
			cache.invalidate(path);
			return Added.RECORDED;
		}
		String held = jdbc.sql("SELECT target FROM legacy_paths WHERE path = :path")
			.param("path", path)
			.query(String.class)
			.optional()
			.orElse(target);
		return held.equals(target) ? Added.RECORDED : Added.TAKEN;
	}

	/** The target an old address already holds, if any. */
	Optional<String> holder(String path) {
		return jdbc.sql("SELECT target FROM legacy_paths WHERE path = :path")
			.param("path", path)
			.query(String.class)
			.optional();
	}

	Optional<String> target(String path) {
		if (path.isEmpty() || path.length() > 500 || reserved(path)) {
			return Optional.empty();
		}
		return cache.get(path,
				p -> jdbc.sql("SELECT target FROM legacy_paths WHERE path = :path")
					.param("path", p)
					.query(String.class)
					.optional());
	}

}
