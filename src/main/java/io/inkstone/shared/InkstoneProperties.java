package io.inkstone.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The whole {@code inkstone.*} configuration tree. Every property here is listed in the
 * README's configuration table.
 *
 * @param publicUrl the site's address as readers type it (e.g.
 * {@code https://news.example}); every absolute link (mails, share links, QR codes) is
 * built from it, never from a request's Host header. See {@link PublicUrl}.
 */
@ConfigurationProperties(prefix = "inkstone")
@Validated
public record InkstoneProperties(@NotNull Path dataDir, @NotNull String siteName, @NotNull Db db,
		@NotNull Channels channels, @NotNull Hot hot, @NotNull Counters counters, @NotNull Disclaimer disclaimer,
		boolean demo, Mode mode, Redis redis, String publicUrl) {

	/**
	 * {@code embedded}: one node, SQLite or PostgreSQL, in-process counters.
	 * {@code cluster}: N nodes on PostgreSQL + Redis.
	 */
	public enum Mode {

		EMBEDDED, CLUSTER

	}

	public boolean cluster() {
		return mode == Mode.CLUSTER;
	}

	/**
	 * @param url e.g. {@code redis://127.0.0.1:6379/0} (cluster mode)
	 * @param keyPrefix prepended to every key and channel, so several sites (or test
	 * runs) share one Redis
	 */
	public record Redis(String url, String keyPrefix) {
	}

	/**
	 * @param busyTimeout how long a SQLite write waits for the one writer before it gives
	 * up (answered 503 with Retry-After, or retried by scheduled work)
	 */
	public record Db(String url, String user, String password, @Positive int poolSize,
			@DefaultValue("10s") Duration busyTimeout) {
		public boolean embedded() {
			return url == null || url.isBlank();
		}
	}

	/**
	 * @param defaults the channels a fresh site starts with, slug → Chinese name, in
	 * display order
	 * @param names display names for channels that imports bring, slug → name
	 * @param originalTabs slugs shown as the original-content (原创) tabs
	 */
	public record Channels(LinkedHashMap<String, String> defaults, Map<String, String> names,
			List<String> originalTabs) {
	}

	/**
	 * @param halfLife time for an engagement signal's weight to halve (forward decay)
	 * @param readWeight weight of one read
	 * @param shareWeight weight of one share
	 * @param likeWeight weight of one like
	 * @param publishWeight weight of the publish event itself, so fresh articles can
	 * surface
	 * @param size how many items a hot list shows
	 * @param channelHalfLives per-channel half-lives (slug → duration) where news ages
	 * faster or slower than {@code halfLife}; the site-wide list compares items by their
	 * current decayed value
	 */
	public record Hot(@NotNull Duration halfLife, double readWeight, double shareWeight, double likeWeight,
			double publishWeight, @Positive int size, Map<String, Duration> channelHalfLives) {

		public Duration halfLifeOf(String channelSlug) {
			return channelHalfLives == null ? halfLife : channelHalfLives.getOrDefault(channelSlug, halfLife);
		}

	}

	/**
	 * @param flushInterval how often buffered read/share counts are written to the
	 * database
	 * @param perAddressHourly at most this many reads, shares and likes (each) of one
	 * article count from one client address per hour, whatever reader ids it presents
	 */
	public record Counters(@NotNull Duration flushInterval, @DefaultValue("5") @Positive int perAddressHourly) {
	}

	public record Disclaimer(@NotNull String zh, @NotNull String en) {
	}

}
