package io.inkstone.engagement;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.DatabaseBusy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Embedded-mode counters: lock-free in-memory buffers flushed to {@code article_stats}.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "embedded", matchIfMissing = true)
class LocalCounterStore implements CounterStore {

	private static final Logger log = LoggerFactory.getLogger(LocalCounterStore.class);

	private record Pending(LongAdder reads, LongAdder shares) {
		Pending() {
			this(new LongAdder(), new LongAdder());
		}
	}

	private final StatsRepository stats;

	private final TransactionTemplate tx;

	private volatile ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

	/**
	 * What the database holds per article. Only this store writes article_stats in
	 * embedded mode, so the cached value is exact until the next flush, which drops the
	 * flushed articles.
	 */
	private final Cache<Long, Counts> flushed = Caffeine.newBuilder().maximumSize(100_000).build();

	private final Clock clock;

	LocalCounterStore(StatsRepository stats, TransactionTemplate tx, Clock clock) {
		this.clock = clock;
		this.stats = stats;
		this.tx = tx;
	}

	@Override
	public void increment(long articleId, Signal signal) {
		Pending p = pending.computeIfAbsent(articleId, id -> new Pending());
		(signal == Signal.READ ? p.reads() : p.shares()).increment();
	}

	/**
	 * Readers share the lock; a flush takes it alone for the moment it moves counts from
	 * the buffer to the database, so nobody sees them in neither place (a count that
	 * drops for an instant) or in both.
	 */
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	@Override
	public Counts counts(long articleId) {
		lock.readLock().lock();
		try {
			return flushed.get(articleId, stats::find).plus(buffered(articleId));
		}
		finally {
			lock.readLock().unlock();
		}
	}

	@Override
	public Map<Long, Counts> counts(Collection<Long> articleIds) {
		lock.readLock().lock();
		try {
			Map<Long, Counts> flushed = stats.findAll(articleIds);
			Map<Long, Counts> result = new HashMap<>();
			for (Long id : articleIds) {
				result.put(id, flushed.getOrDefault(id, Counts.ZERO).plus(buffered(id)));
			}
			return result;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private Counts buffered(long articleId) {
		Pending p = pending.get(articleId);
		return p == null ? Counts.ZERO : new Counts(p.reads().sum(), p.shares().sum());
	}

	/**
	 * Swaps the buffer, then writes it in one transaction; on failure the counts go back
	 * into the buffer.
	 */
	@Override
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	public synchronized void flush() {
		lock.writeLock().lock();
		try {
			flushLocked();
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private void flushLocked() {
		ConcurrentHashMap<Long, Pending> batch = pending;
		if (batch.isEmpty()) {
			return;
		}
		pending = new ConcurrentHashMap<>();
		long now = clock.millis();
		try {
			tx.executeWithoutResult(
					status -> batch.forEach((id, p) -> stats.add(id, p.reads().sum(), p.shares().sum(), now)));
			flushed.invalidateAll(batch.keySet());
		}
		catch (RuntimeException ex) {
			if (DatabaseBusy.is(ex)) {
				log.info("Counter flush found the database busy, keeping {} articles' counts buffered; next turn",
						batch.size());
			}
			else {
				log.warn("Counter flush failed, keeping {} articles' counts buffered: {}", batch.size(),
						ex.getMessage());
			}
			batch.forEach((id, p) -> {
				Pending target = pending.computeIfAbsent(id, k -> new Pending());
				target.reads().add(p.reads().sum());
				target.shares().add(p.shares().sum());
			});
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

}
