package io.inkstone.engagement;

import io.inkstone.shared.PlatformDays;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import java.util.concurrent.atomic.AtomicInteger;

/** The engagement API: record reads and shares honestly, read the counts. */
@Service
public class Engagement {

	private final CounterStore counters;

	private final StatsRepository stats;

	private final ApplicationEventPublisher events;

	/** Which readers read which article today: a reload is not a second read. */
	private final ReadMarks readMarks;

	private final AddressLimits addressLimits;

	private final ReadSources sources;

	private final Clock clock;

	Engagement(CounterStore counters, StatsRepository stats, ApplicationEventPublisher events,
			AddressLimits addressLimits, ReadSources sources, ReadMarks readMarks, Clock clock) {
		this.clock = clock;
		this.counters = counters;
		this.sources = sources;
		this.addressLimits = addressLimits;
		this.stats = stats;
		this.events = events;
		this.readMarks = readMarks;
	}

	/**
	 * Counts a read unless the reader is a bot, already read this article today (a
	 * platform day, in the site's time zone; on any node, before a restart too), or the
	 * client address has used its hourly reads of this article. A counted read is also
	 * counted under where it came from ({@code referral}: a category and a host,
	 * aggregated per article and day, never per reader).
	 * @return true if the read counted
	 */
	public boolean recordRead(String readerKey, Long accountId, String clientAddress, boolean bot, long articleId,
			long channelId, Referral referral) {
		if (bot || behavesLikeABot(readerKey) || !readMarks.firstToday(readerKey, articleId)
				|| !addressLimits.allows(Signal.READ, clientAddress, articleId)) {
			return false;
		}
		counters.increment(articleId, Signal.READ);
		long now = clock.millis();
		sources.count(articleId, PlatformDays.of(now), referral);
		events.publishEvent(new ArticleEngaged(articleId, channelId, Signal.READ, now, readerKey, accountId));
		return true;
	}

	/**
	 * A person reads at most a few articles a minute; more than this many means a crawler
	 * with a browser's name.
	 */
	static final int MAX_READS_PER_MINUTE = 30;

	/**
	 * Readers caught reading too fast; their reads and shares stop counting for an hour.
	 */
	private final Cache<String, Boolean> fastReaders = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	private final Cache<String, AtomicInteger> readsThisMinute = Caffeine.newBuilder()
		.maximumSize(500_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	/**
	 * Rate-based bot detection (per node): page views per reader per minute, counted
	 * before de-duplication.
	 */
	boolean behavesLikeABot(String readerKey) {
		if (fastReaders.getIfPresent(readerKey) != null) {
			return true;
		}
		int views = readsThisMinute.get(readerKey, k -> new AtomicInteger()).incrementAndGet();
		if (views > MAX_READS_PER_MINUTE) {
			fastReaders.put(readerKey, Boolean.TRUE);
			return true;
		}
		return false;
	}

	/**
	 * Counts a share once per reader, article and day (platform time zone), within the
	 * address's hourly shares.
	 * @return true if the share counted
	 */
	public boolean recordShare(String readerKey, String clientAddress, boolean bot, long articleId, long channelId) {
		if (bot || fastReaders.getIfPresent(readerKey) != null) {
			return false;
		}
		int day = (int) LocalDate.now(clock.withZone(PlatformDays.zone())).toEpochDay();
		if (stats.hasShared(articleId, readerKey, day) || !addressLimits.allows(Signal.SHARE, clientAddress, articleId)
				|| !stats.markShared(articleId, readerKey, day)) {
			return false;
		}
		counters.increment(articleId, Signal.SHARE);
		events.publishEvent(new ArticleEngaged(articleId, channelId, Signal.SHARE, clock.millis()));
		return true;
	}

	public Counts counts(long articleId) {
		return counters.counts(articleId);
	}

	public Map<Long, Counts> counts(Collection<Long> articleIds) {
		return counters.counts(articleIds);
	}

	public void flush() {
		counters.flush();
		sources.flush();
	}

	/**
	 * Reads and shares per platform day (yyyymmdd) over these articles, from
	 * {@code fromDay} on; days without any are absent.
	 */
	public Map<Integer, Counts> daily(Collection<Long> articleIds, int fromDay) {
		return stats.daily(articleIds, fromDay);
	}

	/**
	 * Reads per source (every source present, zero when none) over these articles from
	 * {@code fromDay} (yyyymmdd) on.
	 */
	public Map<ReadSource, Long> readSources(Collection<Long> articleIds, int fromDay) {
		return sources.totals(articleIds, fromDay);
	}

	/** Reads per platform day and source; days without any are absent. */
	public Map<Integer, Map<ReadSource, Long>> dailyReadSources(Collection<Long> articleIds, int fromDay) {
		return sources.daily(articleIds, fromDay);
	}

	/** The referring hosts (search engines, feed readers, other sites) most read from. */
	public List<ReferrerHost> topReferrers(Collection<Long> articleIds, int fromDay, int limit) {
		return sources.topHosts(articleIds, fromDay, limit);
	}

}
