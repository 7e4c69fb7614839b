package io.inkstone.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public address, as an admin set it at {@code /admin/settings}
 * ({@link SiteSettings#PUBLIC_URL}, in effect on every node within seconds) or else from
 * {@code inkstone.public-url} ({@code INKSTONE_PUBLIC_URL}), for every absolute link the
 * platform hands out: password-reset and verification mails, share links, QR codes. A
 * request's {@code Host} header is never used: anyone can send
 * {@code Host: evil.example}, and a reset link built from it would mail the victim's
 * token to the attacker's site. Without the setting, links point to
 * {@code http://localhost:<port>} (right for a local demo, wrong anywhere else) and a
 * warning says so at start-up.
 */
@Component
public class PublicUrl {

	private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

	/** The start-up warning without a configured address: everything that uses it. */
	static final String NOT_SET = "inkstone.public-url is not set: every absolute link points to http://localhost:<port>"
			+ " - e-mails, share links and QR codes, RSS/Atom feeds, sitemaps and robots.txt, canonical and Open Graph"
			+ " links, the API's links and OpenAPI server, webhook payloads and search-engine pings (Baidu, IndexNow)."
			+ " Set INKSTONE_PUBLIC_URL to the address readers use, e.g. https://news.example";

	private final String configured;

	private final Environment environment;

	private final SiteSettings settings;

	public PublicUrl(InkstoneProperties properties, Environment environment, SiteSettings settings) {
		this.environment = environment;
		this.settings = settings;
		this.configured = normalize(properties.publicUrl());
	}

	/**
	 * Says at start-up which address is in force: the one an admin stored in
	 * {@code /admin/settings} counts as set (it is read once the database is open), so
	 * the warning is only for a site with neither.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void reportAtStart() {
		Optional<String> stored = settings == null ? Optional.empty()
				: settings.value(SiteSettings.PUBLIC_URL).flatMap(PublicUrl::parse);
		startupWarning(configured, stored).ifPresentOrElse(log::warn, () -> log.info("Public URL in force: {} ({})",
				base(), stored.isPresent() ? "set in /admin/settings" : "inkstone.public-url"));
	}

	/** The start-up warning, or empty when an address is configured or stored. */
	static Optional<String> startupWarning(String configured, Optional<String> stored) {
		return configured == null && stored.isEmpty() ? Optional.of(NOT_SET) : Optional.empty();
	}

	/** {@code path} (starting with {@code /}) as an absolute URL on the public site. */
	public String absolute(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with /: " + path);
		}
		return base() + path;
	}

	/** The base address, without a trailing slash. */
	public String base() {
		if (settings != null) {
			Optional<String> set = settings.value(SiteSettings.PUBLIC_URL).flatMap(PublicUrl::parse);
			if (set.isPresent()) {
				return set.get();
			}
		}
		return configuredBase();
	}

	/** The configured address (or the local fallback), before any admin change. */
	public String configuredBase() {
		if (configured != null) {
			return configured;
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

	static String normalize(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return parse(value).orElseThrow(() -> new IllegalStateException(
				"inkstone.public-url must be an http(s) address like https://news.example, not: " + value));
	}

	/**
	 * An http(s) address with a host and neither query, fragment nor user info, without
	 * its trailing slashes; empty for anything else.
	 */
	public static Optional<String> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String trimmed = value.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(trimmed);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || uri.getRawUserInfo() != null || trimmed.contains("?")
				|| trimmed.contains("#") || trimmed.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
			return Optional.empty();
		}
		return Optional.of(trimmed);
	}

}
