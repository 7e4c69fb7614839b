package io.inkstone.engagement;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.inkstone.shared.InkstoneProperties;
import io.inkstone.support.Databases;
import io.inkstone.support.TcpProxy;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster counters' flush one step at a time, on the real Redis and a fresh
 * PostgreSQL database with the application's migrations. Two stores sharing both are two
 * nodes: the counts either shows are the true total after every step of a flush, and a
 * flush cut short (a node dying after its drain, or after its commit) is finished by the
 * next one exactly once.
 */
class RedisCounterStoreIntegrationTests {

	private static final String RUN = "inkstone-test-counters-" + UUID.randomUUID().toString().substring(0, 8);

	private static final AtomicLong articles = new AtomicLong(1000);

	private static String url;

	private static DataSource dataSource;

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private static JdbcClient jdbc;

	private String prefix;

	private RedisCounterStore nodeA;

	private RedisCounterStore nodeB;

	@BeforeAll
	static void services() {
		Databases.requireRedis();
		url = Databases.freshPostgresDatabase();
		HikariDataSource pool = new HikariDataSource();
		pool.setDataSource(postgres(url));
		pool.setMaximumPoolSize(4);
		dataSource = pool;
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void close() {
		if (connections != null) {
			Set<String> keys = redis.keys(RUN + "*");
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
			connections.destroy();
		}
		if (dataSource instanceof HikariDataSource pool) {
			pool.close();
		}
	}

	@BeforeEach
	void twoNodes() {
		prefix = RUN + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
		nodeA = node(dataSource);
		nodeB = node(dataSource);
	}

	@AfterEach
	void nothingLeftInFlight() {
		assertThat(redis.keys(prefix + "counts:inflight*")).isEmpty();
	}

	private static PGSimpleDataSource postgres(String jdbcUrl) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL(jdbcUrl);
		source.setUser(Databases.pgUser());
		source.setConnectTimeout(5);
		return source;
	}

	private RedisCounterStore node(DataSource database) {
		return node(new StatsRepository(JdbcClient.create(database)), database);
	}

	private RedisCounterStore node(StatsRepository stats, DataSource database) {
		InkstoneProperties properties = new InkstoneProperties(null, "test", null, null, null, null, null, false,
				InkstoneProperties.Mode.CLUSTER, new InkstoneProperties.Redis("redis://127.0.0.1:6379/0", prefix),
				null);
		return new RedisCounterStore(redis, stats, new TransactionTemplate(new JdbcTransactionManager(database)),
				properties, Clock.systemUTC());
	}

	private static long article() {
		return articles.incrementAndGet();
	}

	private static void count(RedisCounterStore node, long articleId, Signal signal, int times) {
		for (int i = 0; i < times; i++) {
			node.increment(articleId, signal);
		}
	}

	private static Counts stored(long articleId) {
		return jdbc.sql("SELECT reads, shares FROM article_stats WHERE article_id = :id")
			.param("id", articleId)
			.query(Counts.class)
			.optional()
			.orElse(Counts.ZERO);
	}

	/** What both nodes show is the true total. */
	private void shown(Map<Long, Counts> truth) {
		for (RedisCounterStore node : List.of(nodeA, nodeB)) {
			assertThat(node.counts(truth.keySet())).isEqualTo(truth);
			truth.forEach((id, counts) -> assertThat(node.counts(id)).isEqualTo(counts));
		}
	}

	private Set<String> inFlight() {
		return redis.keys(prefix + "counts:inflight*");
	}

	@Test
	void afterEveryStepOfAFlushBothNodesShowTheTrueTotal() {
		long a = article();
		long b = article();
		count(nodeA, a, Signal.READ, 5);
		count(nodeB, a, Signal.READ, 2);
		count(nodeA, a, Signal.SHARE, 1);
		count(nodeB, b, Signal.READ, 3);
		Map<Long, Counts> truth = new LinkedHashMap<>(Map.of(a, new Counts(7, 1), b, new Counts(3, 0)));
		shown(truth);

		RedisCounterStore.Batch batch = nodeA.drain();
		assertThat(batch.counts()).isEqualTo(truth);
		// out of the pending counts, not yet in the database: in flight, and shown
		assertThat(redis.hasKey(prefix + "counts:" + a)).isFalse();
		assertThat(stored(a)).isEqualTo(Counts.ZERO);
		assertThat(inFlight()).isNotEmpty();
		shown(truth);
		// a read while the batch is in flight is pending beside it
		count(nodeB, a, Signal.READ, 1);
		truth.put(a, new Counts(8, 1));
		shown(truth);

		nodeA.commit(batch);
		assertThat(stored(a)).isEqualTo(new Counts(7, 1));
		assertThat(stored(b)).isEqualTo(new Counts(3, 0));
		assertThat(inFlight()).isNotEmpty(); // in both stores now: the database's
												// last_flush says which counts
		shown(truth);

		nodeA.clear(batch);
		assertThat(inFlight()).isEmpty();
		shown(truth);

		nodeB.flush();
		assertThat(stored(a)).isEqualTo(new Counts(8, 1));
		assertThat(stored(b)).isEqualTo(new Counts(3, 0));
		shown(truth);
	}

	@Test
	void aFlushCutShortAfterItsDrainIsAppliedOnceByTheNextFlush() {
		long a = article();
		count(nodeA, a, Signal.READ, 4);
		count(nodeA, a, Signal.SHARE, 2);
		RedisCounterStore.Batch lost = nodeA.drain(); // node A dies here
		Map<Long, Counts> truth = Map.of(a, new Counts(4, 2));
		shown(truth);

		RedisCounterStore nodeC = node(dataSource); // a node starting up
		nodeC.flush();
		assertThat(stored(a)).isEqualTo(new Counts(4, 2));
		assertThat(inFlight()).isEmpty();
		shown(truth);
		nodeC.flush();
		assertThat(stored(a)).isEqualTo(new Counts(4, 2));

		// node A had only stalled: after another flush of the same article it wakes up
		// and commits its batch late, which the database already holds
		count(nodeB, a, Signal.READ, 1);
		nodeB.flush();
		nodeA.commit(lost);
		nodeA.clear(lost);
		assertThat(stored(a)).isEqualTo(new Counts(5, 2));
		shown(Map.of(a, new Counts(5, 2)));
	}

	@Test
	void aFlushCutShortAfterItsCommitIsNotCountedTwice() {
		long a = article();
		count(nodeA, a, Signal.READ, 3);
		RedisCounterStore.Batch batch = nodeA.drain();
		nodeA.commit(batch); // node A dies here, its batch still in flight
		assertThat(stored(a)).isEqualTo(new Counts(3, 0));
		assertThat(inFlight()).isNotEmpty();
		shown(Map.of(a, new Counts(3, 0)));

		nodeB.flush();
		assertThat(stored(a)).isEqualTo(new Counts(3, 0));
		assertThat(inFlight()).isEmpty();
		shown(Map.of(a, new Counts(3, 0)));
	}

	@Test
	void aCommitThatFailsKeepsItsBatchInFlightUntilTheDatabaseIsBack() {
		try (TcpProxy postgres = new TcpProxy(5432)) {
			DataSource throughProxy = postgres(url.replace(":5432/", ":" + postgres.port() + "/"));
			RedisCounterStore cut = node(throughProxy);
			long a = article();
			count(nodeA, a, Signal.READ, 6);
			RedisCounterStore.Batch batch = cut.drain();
			postgres.stop();
			assertThatThrownBy(() -> cut.commit(batch)).isInstanceOf(RuntimeException.class);
			shown(Map.of(a, new Counts(6, 0)));
			count(nodeA, a, Signal.READ, 1);
			cut.flush(); // the database still away: the batch stays in flight
			assertThat(stored(a)).isEqualTo(Counts.ZERO);
			assertThat(inFlight()).isNotEmpty();
			shown(Map.of(a, new Counts(7, 0)));

			postgres.start();
			cut.flush();
			assertThat(stored(a)).isEqualTo(new Counts(7, 0));
			shown(Map.of(a, new Counts(7, 0)));
		}
	}

	/**
	 * A page that read the database just before a flush committed, and Redis just after
	 * the flush cleared its batch, would miss the batch: it reads again.
	 */
	@Test
	void aPageThatReadTheDatabaseBeforeACommitAndRedisAfterItReadsAgain() {
		long a = article();
		count(nodeA, a, Signal.READ, 5);
		RedisCounterStore.Batch batch = nodeB.drain();
		AtomicBoolean first = new AtomicBoolean(true);
		StatsRepository slow = new StatsRepository(jdbc) {
			@Override
			Map<Long, Flushed> findFlushed(Collection<Long> ids) {
				Map<Long, Flushed> read = super.findFlushed(ids);
				if (first.getAndSet(false)) {
					nodeB.commit(batch);
					nodeB.clear(batch);
				}
				return read;
			}
		};
		assertThat(node(slow, dataSource).counts(a)).isEqualTo(new Counts(5, 0));
		assertThat(first).isFalse();
		assertThat(stored(a)).isEqualTo(new Counts(5, 0));
	}

	/** Reads one after another on node A, node B flushing all the while. */
	@Test
	void theShownCountNeverDipsWhileAnotherNodeFlushes() throws InterruptedException {
		long a = article();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread flusher = new Thread(() -> {
			while (running.get()) {
				nodeB.flush();
			}
		});
		flusher.start();
		try {
			for (int i = 1; i <= 300; i++) {
				nodeA.increment(a, Signal.READ);
				assertThat(nodeA.counts(a).reads()).as("shown after read %d", i).isEqualTo(i);
			}
		}
		finally {
			running.set(false);
			flusher.join();
		}
		assertThat(stored(a).reads()).as("flushed meanwhile").isPositive();
		nodeB.flush();
		assertThat(stored(a)).isEqualTo(new Counts(300, 0));
	}

}
