package io.inkstone.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * HINCRBY); one node at a time (ShedLock) flushes them into {@code article_stats}. Pages
 * show the database totals plus the pending counts plus the batch a flush has in flight,
 * so every node shows the same true number, at every instant of a flush too.
 *
 * <p>
 * A flush takes a flush id (from a database sequence: it only grows) and goes through its
 * batch of articles in three steps:
 * <ol>
 * <li>{@link #drain}: per article, one script moves the pending counts into an in-flight
 * entry tagged with the flush id ({@code counts:inflight:<id>}, listed in
 * {@code counts:inflight}); an article whose earlier batch is still in flight keeps its
 * pending counts for the next flush;</li>
 * <li>{@link #commit}: one transaction adds the batch to {@code article_stats} and
 * records the flush id in each row's {@code last_flush}; a row that already records this
 * flush id or a later one is left alone, so applying a batch twice changes nothing;</li>
 * <li>{@link #clear}: per article, one script deletes the in-flight entry and keeps the
 * flush id as "cleared" for {@link #CLEARED_FOR} ({@code counts:cleared:<id>}).</li>
 * </ol>
 * Pages add an in-flight batch only while its flush id is above the row's
 * {@code last_flush}: drained and not yet committed, the batch is counted from Redis;
 * committed and not yet cleared, from the database; never from neither, never from both.
 * A page reads the database first and then Redis in one script; a cleared flush id above
 * the {@code last_flush} it read means a flush committed and cleared in between, and it
 * reads again.
 *
 * <p>
 * Every flush, the first one right at start-up included, begins with {@link #recover}:
 * in-flight entries left behind by a node that died mid-flush, or by a commit that failed
 * (the database away), are committed under their own flush id and cleared. An entry whose
 * flush id the database already records changes nothing and is only cleared; so nothing
 * is lost and nothing is counted twice, even when the node that drained it wakes up and
 * commits late. A failed commit leaves its batch in flight rather than giving it back to
 * the pending counts: a commit whose answer was lost may have gone through, and only the
 * recorded flush id can tell.
 *
 * <p>
 * When Redis is unreachable, increments are kept in this node's memory and pushed to
 * Redis as soon as it answers again; pages then show database totals plus this node's
 * buffer. A crash loses at most the counts this node still buffers then, never content; a
 * crash mid-flush loses nothing.
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
	 * Moves an article's pending counts into its in-flight entry under a flush id,
	 * atomically: no increment falls between the read and the delete, and the counts are
	 * at every moment in one of the two. An article with a batch still in flight stays
	 * pending and dirty. Answers {moved (0 or 1), reads, shares}.
	 */
	private static final DefaultRedisScript<List> DRAIN = new DefaultRedisScript<>(
			"if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('SADD', KEYS[4], ARGV[2]) return {0, 0, 0} end"
					+ " local v = redis.call('HMGET', KEYS[1], 'r', 's') redis.call('DEL', KEYS[1])"
					+ " local r = v[1] or '0' local s = v[2] or '0'" + " if tonumber(r) > 0 or tonumber(s) > 0 then"
					+ " redis.call('HSET', KEYS[2], 'r', r, 's', s, 'fid', ARGV[1]) redis.call('SADD', KEYS[3], ARGV[2])"
					+ " end return {1, tonumber(r), tonumber(s)}",
			List.class);

	/**
	 * Deletes an article's in-flight entry if it is still this flush's, and keeps the
	 * flush id as the highest cleared one for a while, for readers that read the database
	 * before the commit.
	 */
	private static final DefaultRedisScript<Long> CLEAR = new DefaultRedisScript<>(
			"if redis.call('HGET', KEYS[1], 'fid') == ARGV[1] then"
					+ " redis.call('DEL', KEYS[1]) redis.call('SREM', KEYS[2], ARGV[2]) end"
					+ " local c = redis.call('GET', KEYS[3])"
					+ " if not c or tonumber(c) < tonumber(ARGV[1]) then redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[3])"
					+ " end return 1",
			Long.class);

	/**
	 * An in-flight entry as {reads, shares, flush id} ("0"s when gone, and then its id
	 * leaves the in-flight set).
	 */
	private static final DefaultRedisScript<List> IN_FLIGHT = new DefaultRedisScript<>(
			"local v = redis.call('HMGET', KEYS[1], 'r', 's', 'fid')"
					+ " if not v[3] then redis.call('SREM', KEYS[2], ARGV[1]) end"
					+ " return {v[1] or '0', v[2] or '0', v[3] or '0'}",
			List.class);

	/**
	 * What Redis holds for pages, per article (its keys in threes: pending, in flight,
	 * cleared), at one instant: pending reads and shares, in-flight reads, shares and
	 * flush id, highest cleared flush id.
	 */
	private static final DefaultRedisScript<List> UNFLUSHED = new DefaultRedisScript<>(
			"local out = {} for i = 1, #KEYS, 3 do local p = redis.call('HMGET', KEYS[i], 'r', 's')"
					+ " local f = redis.call('HMGET', KEYS[i + 1], 'r', 's', 'fid') local c = redis.call('GET', KEYS[i + 2])"
					+ " out[#out + 1] = p[1] or '0' out[#out + 1] = p[2] or '0' out[#out + 1] = f[1] or '0'"
					+ " out[#out + 1] = f[2] or '0' out[#out + 1] = f[3] or '0' out[#out + 1] = c or '0' end return out",
			List.class);

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

	/**
	 * How long a cleared flush id is kept for readers: a page that took longer than this
	 * between its database read and its Redis read could miss a batch.
	 */
	static final Duration CLEARED_FOR = Duration.ofMinutes(10);

	/**
	 * How often a page reads again when flushes keep committing between its database and
	 * its Redis read (one flush interval apart, so a second read nearly always holds).
	 */
	private static final int READ_ATTEMPTS = 4;

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

	private final Clock clock;

	RedisCounterStore(StringRedisTemplate redis, StatsRepository stats, TransactionTemplate tx,
			InkstoneProperties properties, Clock clock) {
		this.clock = clock;
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

	private String inFlightKey(long articleId) {
		return prefix + "counts:inflight:" + articleId;
	}

	private String inFlightSetKey() {
		return prefix + "counts:inflight";
	}

	private String clearedKey(long articleId) {
		return prefix + "counts:cleared:" + articleId;
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

	/**
	 * Database totals, then (one script, one instant) pending counts and the in-flight
	 * batch unless the database already holds it, plus this node's buffer; read again
	 * when a flush committed and cleared a batch between the two reads.
	 */
	@Override
	public Map<Long, Counts> counts(Collection<Long> articleIds) {
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(articleIds));
		Map<Long, Counts> result = new HashMap<>();
		for (int attempt = 1;; attempt++) {
			Map<Long, StatsRepository.Flushed> flushed = stats.findFlushed(ids);
			List<?> unflushed = unflushed(ids);
			boolean stale = false;
			for (int i = 0; i < ids.size(); i++) {
				Long id = ids.get(i);
				StatsRepository.Flushed row = flushed.getOrDefault(id, StatsRepository.Flushed.NONE);
				Counts total = row.counts();
				if (unflushed != null) {
					int at = i * 6;
					total = total.plus(new Counts(parse(unflushed.get(at)), parse(unflushed.get(at + 1))));
					if (parse(unflushed.get(at + 4)) > row.lastFlush()) {
						total = total.plus(new Counts(parse(unflushed.get(at + 2)), parse(unflushed.get(at + 3))));
					}
					stale |= parse(unflushed.get(at + 5)) > row.lastFlush();
				}
				long[] local = offline.get(id);
				if (local != null) {
					total = total.plus(new Counts(local[0], local[1]));
				}
				result.put(id, total);
			}
			if (!stale || attempt == READ_ATTEMPTS) {
				return result;
			}
		}
	}

	/** Six values per article (see {@link #UNFLUSHED}); null when Redis is away. */
	private List<?> unflushed(List<Long> ids) {
		if (ids.isEmpty()) {
			return null;
		}
		List<String> keys = new ArrayList<>(ids.size() * 3);
		for (Long id : ids) {
			keys.add(pendingKey(id));
			keys.add(inFlightKey(id));
			keys.add(clearedKey(id));
		}
		try {
			return redis.execute(UNFLUSHED, keys);
		}
		catch (RuntimeException ex) {
			return null; // Redis away: the database total (plus this node's buffer) is
							// shown
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

	/**
	 * Moves pending counts into the database; one node at a time across the cluster.
	 * Recovers what an earlier flush left in flight first; what this one cannot commit
	 * stays in flight for the next.
	 */
	@Override
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	@SchedulerLock(name = "inkstone-counter-flush", lockAtMostFor = "PT1M")
	public void flush() {
		try {
			recover();
			Batch batch;
			do {
				batch = drain();
				commit(batch);
				clear(batch);
			}
			while (batch.popped() == DRAIN_BATCH && !batch.counts().isEmpty());
		}
		catch (RuntimeException ex) {
			log.warn("Counter flush stopped (whatever it drained stays in flight for the next one): {}",
					ex.getMessage());
		}
	}

	/**
	 * A flush's batch: the counts it moved in flight under its flush id, per article, and
	 * how many dirty articles it took.
	 */
	record Batch(long flushId, Map<Long, Counts> counts, int popped) {
	}

	/** An in-flight entry found by {@link #recover}. */
	private record InFlight(long articleId, Counts counts, long flushId) {
	}

	/**
	 * Step one: takes a flush id and up to {@link #DRAIN_BATCH} dirty articles and moves
	 * their pending counts in flight.
	 */
	Batch drain() {
		Long dirty = redis.opsForSet().size(dirtyKey());
		if (dirty == null || dirty == 0) {
			return new Batch(0, Map.of(), 0);
		}
		long flushId = stats.nextFlushId();
		List<String> ids = redis.opsForSet().pop(dirtyKey(), DRAIN_BATCH);
		if (ids == null || ids.isEmpty()) {
			return new Batch(flushId, Map.of(), 0);
		}
		Map<Long, Counts> counts = new HashMap<>();
		for (String id : ids) {
			long articleId = Long.parseLong(id);
			List<?> moved = redis.execute(DRAIN,
					List.of(pendingKey(articleId), inFlightKey(articleId), inFlightSetKey(), dirtyKey()),
					Long.toString(flushId), id);
			Counts c = moved == null ? Counts.ZERO : new Counts(parse(moved.get(1)), parse(moved.get(2)));
			if (c.reads() > 0 || c.shares() > 0) {
				counts.put(articleId, c);
			}
		}
		return new Batch(flushId, counts, ids.size());
	}

	/**
	 * Step two: one transaction adds the batch and records its flush id per article (a
	 * row recording it already is left alone).
	 */
	void commit(Batch batch) {
		if (batch.counts().isEmpty()) {
			return;
		}
		long now = clock.millis();
		tx.executeWithoutResult(
				s -> batch.counts().forEach((id, c) -> stats.addOnce(id, c.reads(), c.shares(), batch.flushId(), now)));
	}

	/** Step three: deletes the batch's in-flight entries, now in the database. */
	void clear(Batch batch) {
		batch.counts().keySet().forEach(id -> clear(id, batch.flushId()));
	}

	private void clear(long articleId, long flushId) {
		redis.execute(CLEAR, List.of(inFlightKey(articleId), inFlightSetKey(), clearedKey(articleId)),
				Long.toString(flushId), Long.toString(articleId), Long.toString(CLEARED_FOR.toMillis()));
	}

	/**
	 * Commits in-flight entries an earlier flush left behind under their own flush ids
	 * (those the database already records change nothing), then clears them.
	 */
	void recover() {
		Set<String> members = redis.opsForSet().members(inFlightSetKey());
		if (members == null || members.isEmpty()) {
			return;
		}
		List<InFlight> left = new ArrayList<>();
		for (String member : members) {
			long articleId = Long.parseLong(member);
			List<?> v = redis.execute(IN_FLIGHT, List.of(inFlightKey(articleId), inFlightSetKey()), member);
			long flushId = v == null ? 0 : parse(v.get(2));
			if (flushId > 0) {
				left.add(new InFlight(articleId, new Counts(parse(v.get(0)), parse(v.get(1))), flushId));
			}
		}
		if (left.isEmpty()) {
			return;
		}
		long now = clock.millis();
		int[] added = new int[1];
		tx.executeWithoutResult(s -> {
			for (InFlight e : left) {
				if (stats.addOnce(e.articleId(), e.counts().reads(), e.counts().shares(), e.flushId(), now)) {
					added[0]++;
				}
			}
		});
		left.forEach(e -> clear(e.articleId(), e.flushId()));
		log.info("Counter flush recovered {} articles' counts left in flight, {} of them not yet in the database",
				left.size(), added[0]);
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
