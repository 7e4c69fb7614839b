package io.inkstone.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Item-to-item co-reads: a reader who reads B within 30 minutes of A adds one to the pair (A, B). Pairs are
 * counted in memory and added to {@code co_reads} every few seconds (each node its own buffer; the table sums
 * them), so a read costs no database write. Only real, de-duplicated reads arrive here.
 */
@Component
public class CoReads {

	static final Duration SESSION = Duration.ofMinutes(30);

	/** A pair needs this many readers before it may recommend: one curious reader proves nothing. */
	static final int MIN_READERS = 3;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Cache<String, long[]> lastRead = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(SESSION)
		.build();

	/** An unordered pair of articles, smaller id first. */
	record Pair(long a, long b) {
	}

	private volatile Map<Pair, LongAdder> pending = new ConcurrentHashMap<>();

	private final org.springframework.context.ApplicationEventPublisher events;

	CoReads(JdbcClient jdbc, TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
	}

	/** A counted read of {@code articleId} by {@code readerKey}. */
	public void recordRead(String readerKey, long articleId) {
		long now = System.currentTimeMillis();
		long[] previous = lastRead.getIfPresent(readerKey);
		lastRead.put(readerKey, new long[] { articleId, now });
		if (previous == null || previous[0] == articleId || now - previous[1] > SESSION.toMillis()) {
			return;
		}
		Pair pair = new Pair(Math.min(previous[0], articleId), Math.max(previous[0], articleId));
		pending.computeIfAbsent(pair, k -> new LongAdder()).increment();
	}

	@Scheduled(fixedDelay = 5000, initialDelay = 5000)
	@PreDestroy
	public synchronized void flush() {
		Map<Pair, LongAdder> batch = pending;
		if (batch.isEmpty()) {
			return;
		}
		pending = new ConcurrentHashMap<>();
		long now = System.currentTimeMillis();
		java.util.Set<Long> touched = new java.util.HashSet<>();
		tx.executeWithoutResult(status -> batch.forEach((pair, count) -> {
			jdbc.sql("INSERT INTO co_reads (a, b, reads, updated_at) VALUES (:a, :b, :n, :now) ON CONFLICT (a, b)"
					+ " DO UPDATE SET reads = co_reads.reads + EXCLUDED.reads, updated_at = EXCLUDED.updated_at")
				.param("a", pair.a()).param("b", pair.b()).param("n", count.sum()).param("now", now).update();
			touched.add(pair.a());
			touched.add(pair.b());
		}));
		events.publishEvent(new CoReadsChanged(touched));
	}

	/** Articles most often read together with {@code articleId} (by at least {@link #MIN_READERS}), most first. */
	List<Long> top(long articleId, int size) {
		return jdbc.sql("SELECT CASE WHEN a = :id THEN b ELSE a END AS other FROM co_reads WHERE (a = :id OR b = :id)"
				+ " AND reads >= :min ORDER BY reads DESC, updated_at DESC LIMIT :size")
			.param("id", articleId).param("min", MIN_READERS).param("size", size)
			.query(Long.class)
			.list();
	}

	/** Which articles' co-read lists changed (their related lists are recomputed). */
	public record CoReadsChanged(java.util.Set<Long> articleIds) {
	}


}
