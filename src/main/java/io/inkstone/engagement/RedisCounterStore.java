package io.inkstone.engagement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.InkstoneProperties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster-mode counters: every node increments shared pending counts in Redis (atomic
 * HINCRBY); one node at a time (ShedLock) drains them into {@code article_stats}. Pages
 * show the database totals plus the pending counts, so every node shows the same true
 * number.
 *
 * <p>
 * When Redis is unreachable, increments are kept in this node's memory and pushed to
 * Redis as soon as it answers again; pages then show database totals plus this node's
 * buffer. A crash loses at most the counts still buffered or drained-but-not-committed:
 * one flush interval, never content.
 *
 * <p>
 * Every increment carries an id and is applied by one script that also marks the id as
 * applied (for {@link #APPLIED_FOR}): a command whose answer was lost to a timeout may
 * already have been applied, and replaying it from the buffer then changes nothing, so a
 * read is never counted twice.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisCounterStore implements CounterStore {

	private static final Logger log = LoggerFactory.getLogger(RedisCounterStore.class);

	/**
	 * Reads and deletes a pending hash atomically: no increment can fall between the read
	 * and the delete.
	 */
	private static final DefaultRedisScript<List> DRAIN = new DefaultRedisScript<>(
			"local v = redis.call('HMGET', KEYS[1], 'r', 's') redis.call('DEL', KEYS[1]) return v", List.class);

	/**
	 * Applies one increment once: the id's marker, the counts and the dirty mark,
	 * atomically.
	 */
	private static final DefaultRedisScript<Long> APPLY = new DefaultRedisScript<>(
			"if redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[3]) then"
					+ " if ARGV[1] ~= '0' then redis.call('HINCRBY', KEYS[1], 'r', ARGV[1]) end"
					+ " if ARGV[2] ~= '0' then redis.call('HINCRBY', KEYS[1], 's', ARGV[2]) end"
					+ " redis.call('SADD', KEYS[2], ARGV[4]) return 1 end return 0",
			Long.class);

	/**
	 * How long an applied increment's id is remembered: a replay later than this could
	 * count twice.
	 */
	static final Duration APPLIED_FOR = Duration.ofMinutes(10);

	private static final int DRAIN_BATCH = 1000;

	/** An increment Redis did not confirm, with the id it was (maybe) applied under. */
	private record Unconfirmed(long articleId, long reads, long shares, String id) {
	}

	private final Deque<Unconfirmed> unconfirmed = new ConcurrentLinkedDeque<>();

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong sequence = new AtomicLong();

	private final StringRedisTemplate redis;

	private final StatsRepository stats;

	private final TransactionTemplate tx;

	private final String prefix;

	private final Map<Long, long[]> offline = new ConcurrentHashMap<>();

	private final LongAdder offlineEvents = new LongAdder();

	RedisCounterStore(StringRedisTemplate redis, StatsRepository stats, TransactionTemplate tx,
			InkstoneProperties properties) {
		this.redis = redis;
		this.stats = stats;
		this.tx = tx;
		this.prefix = properties.redis().keyPrefix();
	}

	private String pendingKey(long articleId) {
		return prefix + "counts:" + articleId;
	}

	private String dirtyKey() {
		return prefix + "counts:dirty";
	}

	@Override
	public void increment(long articleId, Signal signal) {
		Unconfirmed increment = new Unconfirmed(articleId, signal == Signal.READ ? 1 : 0,
				signal == Signal.SHARE ? 1 : 0, node + ":" + sequence.incrementAndGet());
		if (!apply(increment)) {
			unconfirmed.addLast(increment);
			adjustOffline(increment, 1);
			offlineEvents.increment();
		}
	}

	private boolean apply(Unconfirmed increment) {
		try {
			redis.execute(APPLY,
					List.of(pendingKey(increment.articleId()), dirtyKey(), prefix + "counts:applied:" + increment.id()),
					Long.toString(increment.reads()), Long.toString(increment.shares()),
					Long.toString(APPLIED_FOR.toSeconds()), Long.toString(increment.articleId()));
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** What pages show for this node's unconfirmed increments, per article. */
	private void adjustOffline(Unconfirmed increment, int sign) {
		offline.compute(increment.articleId(), (id, v) -> {
			long[] counts = v == null ? new long[2] : v;
			counts[0] += sign * increment.reads();
			counts[1] += sign * increment.shares();
			return counts[0] == 0 && counts[1] == 0 ? null : counts;
		});
	}

	@Override
	public Counts counts(long articleId) {
		return counts(List.of(articleId)).getOrDefault(articleId, Counts.ZERO);
	}

	@Override
	public Map<Long, Counts> counts(Collection<Long> articleIds) {
		Map<Long, Counts> flushed = stats.findAll(articleIds);
		Map<Long, Counts> result = new HashMap<>();
		for (Long id : articleIds) {
			Counts total = flushed.getOrDefault(id, Counts.ZERO).plus(pending(id));
			long[] local = offline.get(id);
			if (local != null) {
				total = total.plus(new Counts(local[0], local[1]));
			}
			result.put(id, total);
		}
		return result;
	}

	private Counts pending(long articleId) {
		try {
			List<Object> values = redis.opsForHash().multiGet(pendingKey(articleId), List.of("r", "s"));
			return new Counts(parse(values.get(0)), parse(values.get(1)));
		}
		catch (RuntimeException ex) {
			return Counts.ZERO; // Redis away: the database total (plus this node's
								// buffer) is shown
		}
	}

	/**
	 * Pushes increments Redis did not confirm, once it answers again (each node its own),
	 * under their own ids: one that Redis had applied before its answer was lost is not
	 * applied again.
	 */
	@Scheduled(fixedDelay = 1000)
	void replayOffline() {
		if (unconfirmed.isEmpty()) {
			return;
		}
		Unconfirmed next;
		while ((next = unconfirmed.pollFirst()) != null) {
			if (!apply(next)) {
				unconfirmed.addFirst(next);
				return; // still away; try again next second
			}
			adjustOffline(next, -1);
		}
		log.info("Redis is back: replayed buffered counts");
	}

	/** Drains pending counts into the database; one node at a time across the cluster. */
	@Override
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	@SchedulerLock(name = "inkstone-counter-flush", lockAtMostFor = "PT1M")
	public void flush() {
		try {
			List<String> ids;
			do {
				ids = redis.opsForSet().pop(dirtyKey(), DRAIN_BATCH);
				if (ids == null || ids.isEmpty()) {
					return;
				}
				Map<Long, long[]> batch = new HashMap<>();
				for (String id : ids) {
					List<?> values = redis.execute(DRAIN, List.of(pendingKey(Long.parseLong(id))));
					long reads = values == null ? 0 : parse(values.get(0));
					long shares = values == null ? 0 : parse(values.get(1));
					if (reads > 0 || shares > 0) {
						batch.put(Long.parseLong(id), new long[] { reads, shares });
					}
				}
				write(batch);
			}
			while (ids.size() == DRAIN_BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Counter flush skipped: {}", ex.getMessage());
		}
	}

	private void write(Map<Long, long[]> batch) {
		long now = System.currentTimeMillis();
		try {
			tx.executeWithoutResult(s -> batch.forEach((id, c) -> stats.add(id, c[0], c[1], now)));
		}
		catch (RuntimeException ex) {
			// the database is away: give the counts back to Redis so the next flush
			// retries them
			batch.forEach((id, c) -> {
				redis.opsForHash().increment(pendingKey(id), "r", c[0]);
				redis.opsForHash().increment(pendingKey(id), "s", c[1]);
				redis.opsForSet().add(dirtyKey(), Long.toString(id));
			});
			throw ex;
		}
	}

	@PreDestroy
	void pushBufferOnShutdown() {
		replayOffline();
	}

	List<Long> offlineArticles() {
		return new ArrayList<>(offline.keySet());
	}

	private static long parse(Object value) {
		return value == null ? 0 : Long.parseLong(value.toString());
	}

}
