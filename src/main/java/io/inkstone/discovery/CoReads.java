package io.inkstone.discovery;

import org.springframework.context.event.EventListener;
import io.inkstone.engagement.ArticleEngaged;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Item-to-item co-reads: a reader who reads B within 30 minutes of A adds one to the pair
 * (A, B). Pairs are counted in memory and added to {@code co_reads} every few seconds
 * (each node its own buffer; the table sums them), so a read costs no database write.
 * Only real, de-duplicated reads arrive here.
 *
 * <p>
 * Raw counts favour whatever is popular: two hot-list articles are read together by many
 * readers who share nothing but the hot list. Measured on a synthetic log
 * (bench/README.md), ranking by raw count lowered the related list's precision. So a pair
 * recommends only when it was read together at least {@link #MIN_LIFT} times as often as
 * chance would give two articles that popular (independent reading at each one's share of
 * all co-reads), and that excess is unlikely to be luck: the log-likelihood ratio G² of
 * the observed count against the Poisson expectation must reach {@link #MIN_EVIDENCE} (p
 * &lt; 0.001). Pairs rank by how far they exceed chance.
 */
@Component
public class CoReads {

	static final Duration SESSION = Duration.ofMinutes(30);

	/**
	 * A pair needs this many readers before it may recommend: one curious reader proves
	 * nothing.
	 */
	static final int MIN_READERS = 3;

	/**
	 * Observed co-reads over those expected by chance (independent reading at each
	 * article's popularity).
	 */
	static final double MIN_LIFT = 2.0;

	/**
	 * G² at which a count this far above its expectation happens by chance less than once
	 * in a thousand.
	 */
	static final double MIN_EVIDENCE = 10.83;

	/**
	 * The pairs considered per article, strongest raw counts first, before the comparison
	 * with chance.
	 */
	private static final int CANDIDATE_PAIRS = 200;

	/** {@code co_read_totals} row holding the sum over all articles. */
	private static final long ALL = 0;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Cache<String, long[]> lastRead = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(SESSION)
		.build();

	/** Another article and how many readers read it together with the one asked about. */
	record Together(long other, long reads) {
	}

	/** An unordered pair of articles, smaller id first. */
	record Pair(long a, long b) {
	}

	private volatile Map<Pair, LongAdder> pending = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CoReads(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
	}

	@EventListener
	void on(ArticleEngaged engaged) {
		if (engaged.isReadBy()) {
			recordRead(engaged.readerKey(), engaged.articleId());
		}
	}

	/** A counted read of {@code articleId} by {@code readerKey}. */
	public void recordRead(String readerKey, long articleId) {
		long now = clock.millis();
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
		long now = clock.millis();
		// rows are written in key order, so two nodes flushing at once cannot deadlock
		// each other
		Map<Long, Long> totals = new TreeMap<>();
		Map<Pair, LongAdder> ordered = new TreeMap<>(Comparator.comparingLong(Pair::a).thenComparingLong(Pair::b));
		ordered.putAll(batch);
		tx.executeWithoutResult(status -> {
			ordered.forEach((pair, count) -> {
				long n = count.sum();
				jdbc.sql("INSERT INTO co_reads (a, b, reads, updated_at) VALUES (:a, :b, :n, :now) ON CONFLICT (a, b)"
						+ " DO UPDATE SET reads = co_reads.reads + EXCLUDED.reads, updated_at = EXCLUDED.updated_at")
					.param("a", pair.a())
					.param("b", pair.b())
					.param("n", n)
					.param("now", now)
					.update();
				totals.merge(pair.a(), n, Long::sum);
				totals.merge(pair.b(), n, Long::sum);
				totals.merge(ALL, 2 * n, Long::sum);
			});
			totals.forEach((article, n) -> jdbc
				.sql("INSERT INTO co_read_totals (article_id, reads) VALUES (:id, :n)"
						+ " ON CONFLICT (article_id) DO UPDATE SET reads = co_read_totals.reads + EXCLUDED.reads")
				.param("id", article)
				.param("n", n)
				.update());
		});
		Set<Long> touched = new HashSet<>(totals.keySet());
		touched.remove(ALL);
		events.publishEvent(new CoReadsChanged(touched));
	}

	/**
	 * Articles read together with {@code articleId} by at least {@link #MIN_READERS}
	 * readers and at least {@link #MIN_LIFT} times as often as chance would give, most
	 * above chance first.
	 */
	List<Long> top(long articleId, int size) {
		List<Together> pairs = jdbc
			.sql("SELECT CASE WHEN a = :id THEN b ELSE a END AS other, reads FROM co_reads"
					+ " WHERE (a = :id OR b = :id) AND reads >= :min ORDER BY reads DESC, updated_at DESC LIMIT :limit")
			.param("id", articleId)
			.param("min", MIN_READERS)
			.param("limit", CANDIDATE_PAIRS)
			.query(Together.class)
			.list();
		if (pairs.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new HashSet<>();
		ids.add(ALL);
		ids.add(articleId);
		pairs.forEach(p -> ids.add(p.other()));
		Map<Long, Long> totals = new HashMap<>();
		jdbc.sql("SELECT article_id, reads FROM co_read_totals WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> totals.put(e.getKey(), e.getValue()));
		double all = totals.getOrDefault(ALL, 0L);
		double mine = totals.getOrDefault(articleId, 0L);
		Map<Long, Double> surprise = new HashMap<>();
		for (Together p : pairs) {
			double expected = all == 0 ? 0 : mine * totals.getOrDefault(p.other(), 0L) / all;
			if (p.reads() >= MIN_LIFT * expected && evidence(p.reads(), expected) >= MIN_EVIDENCE) {
				surprise.put(p.other(), (p.reads() - expected) / Math.sqrt(expected + 1));
			}
		}
		return pairs.stream()
			.map(Together::other)
			.filter(surprise::containsKey)
			.sorted(Comparator.comparingDouble((Long other) -> surprise.get(other)).reversed())
			.limit(size)
			.toList();
	}

	/**
	 * G² = 2 (k ln(k / λ) − (k − λ)): the log-likelihood ratio of {@code observed}
	 * against a Poisson mean λ.
	 */
	static double evidence(long observed, double expected) {
		if (expected <= 0) {
			return Double.POSITIVE_INFINITY;
		}
		return observed <= expected ? 0 : 2 * (observed * Math.log(observed / expected) - (observed - expected));
	}

	/** Which articles' co-read lists changed (their related lists are recomputed). */
	public record CoReadsChanged(Set<Long> articleIds) {
	}

}
