package io.inkstone.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The settings an admin changes at {@code /admin/settings} without a restart: one row per
 * changed setting in {@code site_settings}; a setting without a row (or with a NULL
 * value) is its configured default. Reads come from an in-memory snapshot. Every node
 * polls the rows' versions every {@code inkstone.settings.refresh} (one tiny query) and
 * reloads when any differs, then announces {@link SiteSettingsChanged}; the node that
 * wrote reloads right after the commit. So a change takes effect on the writing node at
 * once and on the others within seconds, with or without Redis.
 */
@Component
public class SiteSettings implements SmartInitializingSingleton {

	public static final String SITE_NAME = "site.name";

	public static final String DISCLAIMER_ZH = "site.disclaimer.zh";

	public static final String DISCLAIMER_EN = "site.disclaimer.en";

	public static final String TIME_ZONE = "site.time-zone";

	/** The compliance profile's name (the governance module knows the profiles). */
	public static final String COMPLIANCE_PROFILE = "compliance.profile";

	/** The sensitive-word list, one term per line. */
	public static final String SENSITIVE_WORDS = "review.sensitive-words";

	/** Link domains that hold an article, one per line. */
	public static final String BAD_DOMAINS = "review.bad-domains";

	/**
	 * Bumped whenever an admin changes the channels, so every node drops its cached
	 * channel list.
	 */
	public static final String CHANNELS_VERSION = "channels.version";

	/**
	 * The site's public address as an admin set it (validated by
	 * {@link PublicUrl#parse}); without it, {@code inkstone.public-url}.
	 */
	public static final String PUBLIC_URL = "site.public-url";

	/**
	 * The uploaded logo: the media key of its re-encoded image; without it, the bundled
	 * {@code /img/logo.png}.
	 */
	public static final String SITE_LOGO = "site.logo";

	/**
	 * The SMTP server an admin set; while {@code mail.host} is unset, mail goes through
	 * the configured {@code spring.mail.*} and {@code inkstone.mail.from}.
	 */
	public static final String MAIL_HOST = "mail.host";

	public static final String MAIL_PORT = "mail.port";

	/** {@code ssl}, {@code starttls} or {@code none}. */
	public static final String MAIL_SECURITY = "mail.security";

	public static final String MAIL_USERNAME = "mail.username";

	/** Stored as given; never shown back on a page nor written to the audit log. */
	public static final String MAIL_PASSWORD = "mail.password";

	public static final String MAIL_FROM = "mail.from";

	public static final String MAIL_FROM_NAME = "mail.from-name";

	private static final Logger log = LoggerFactory.getLogger(SiteSettings.class);

	private final JdbcClient jdbc;

	private final InkstoneProperties properties;

	private final SettingsProperties defaults;

	private final ApplicationEventPublisher events;

	private volatile Snapshot snapshot;

	private record Snapshot(Map<String, Long> versions, Map<String, String> values) {
	}

	private final Clock clock;

	SiteSettings(JdbcClient jdbc, InkstoneProperties properties, SettingsProperties defaults,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
		this.defaults = defaults;
		this.events = events;
	}

	@Override
	public void afterSingletonsInstantiated() {
		refresh();
	}

	public String siteName() {
		return value(SITE_NAME).orElse(properties.siteName());
	}

	public String disclaimer(boolean english) {
		// the configured default names the site as {site}: it follows the site name set
		// in /admin/settings until an admin writes a disclaimer of their own
		return english
				? value(DISCLAIMER_EN).orElseGet(() -> properties.disclaimer().en().replace("{site}", siteName()))
				: value(DISCLAIMER_ZH).orElseGet(() -> properties.disclaimer().zh().replace("{site}", siteName()));
	}

	public ZoneId zone() {
		return value(TIME_ZONE).flatMap(SiteSettings::zoneOf).orElse(defaults.timeZone());
	}

	/**
	 * What a setting of the general form is without an admin's value: the site name, the
	 * disclaimers and the time zone as configured; empty for any other setting.
	 */
	public Optional<String> configured(String name) {
		return switch (name) {
			case SITE_NAME -> Optional.of(properties.siteName());
			case DISCLAIMER_ZH -> Optional.of(properties.disclaimer().zh());
			case DISCLAIMER_EN -> Optional.of(properties.disclaimer().en());
			case TIME_ZONE -> Optional.of(defaults.timeZone().getId());
			default -> Optional.empty();
		};
	}

	/** The configured time zone, before any admin change. */
	public ZoneId defaultZone() {
		return defaults.timeZone();
	}

	/** A valid zone id, or empty. */
	public static Optional<ZoneId> zoneOf(String id) {
		try {
			return Optional.of(ZoneId.of(id.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The value an admin stored for a setting, empty while it is the configured default.
	 */
	public Optional<String> value(String name) {
		return Optional.ofNullable(current().values().get(name));
	}

	/**
	 * The value stored for a setting now, read from the database (in the caller's
	 * transaction): what a change compares with, since this node's copy may be up to one
	 * refresh behind a change made elsewhere.
	 */
	public Optional<String> stored(String name) {
		return jdbc.sql("SELECT value FROM site_settings WHERE name = :name")
			.param("name", name)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(v -> v);
	}

	/**
	 * Stores a setting (null returns it to its configured default); joins the caller's
	 * transaction and reloads this node after the commit.
	 */
	public void put(String name, String value, Long accountId) {
		jdbc.sql("INSERT INTO site_settings (name, value, version, updated_at, updated_by) "
				+ "VALUES (:name, :value, :version, :at, :by) ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
				+ "version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
			.param("name", name)
			.param("value", value)
			.param("version", Ids.next())
			.param("at", clock.millis())
			.param("by", accountId)
			.update();
		AfterCommit.run(this::refresh);
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s == null) {
			refresh();
			s = snapshot;
		}
		return s;
	}

	/**
	 * Looks for changes (also those made on other nodes) and loads them; announces
	 * {@link SiteSettingsChanged} when a value differs.
	 */
	@Scheduled(fixedDelayString = "${inkstone.settings.refresh:2s}")
	public void refresh() {
		Set<String> changed;
		synchronized (this) {
			Map<String, Long> versions = new HashMap<>();
			jdbc.sql("SELECT name, version FROM site_settings")
				.query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
				.list();
			Snapshot old = snapshot;
			if (old != null && old.versions().equals(versions)) {
				return;
			}
			Map<String, String> values = new HashMap<>();
			Map<String, Long> loaded = new HashMap<>();
			jdbc.sql("SELECT name, value, version FROM site_settings").query((rs, n) -> {
				loaded.put(rs.getString(1), rs.getLong(3));
				String value = rs.getString(2);
				if (value != null) {
					values.put(rs.getString(1), value);
				}
				return null;
			}).list();
			snapshot = new Snapshot(Map.copyOf(loaded), Map.copyOf(values));
			changed = new HashSet<>();
			if (old != null) {
				Set<String> names = new HashSet<>(values.keySet());
				names.addAll(old.values().keySet());
				for (String name : names) {
					if (!Objects.equals(old.values().get(name), values.get(name))) {
						changed.add(name);
					}
				}
			}
			PlatformDays.use(zone());
		}
		if (!changed.isEmpty()) {
			log.info("Settings changed: {}", changed);
			events.publishEvent(new SiteSettingsChanged(Set.copyOf(changed)));
		}
	}

}
