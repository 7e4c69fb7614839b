package io.inkstone.engagement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.shared.PlatformDays;
import io.inkstone.support.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read counts once per reader, article and platform day: a reload does not count again,
 * nor does the same reader after a restart (an empty memory over the same database) or,
 * in cluster mode, on another node, but the next day does.
 */
abstract class ReadOncePerDayContract {

	/** The platform's clock, which only moves when a test moves it. */
	static final MutableClock CLOCK = MutableClock.stoppedNow();

	@TestConfiguration(proxyBeanMethods = false)
	static class StoppedClock {

		@Bean
		@Primary
		Clock stoppedClock() {
			return CLOCK;
		}

	}

	@Autowired
	Engagement engagement;

	@Autowired
	ReadMarks readMarks;

	@Autowired
	CounterStore counters;

	@Autowired
	StatsRepository stats;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AddressLimits addressLimits;

	@Autowired
	ReadSources sources;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	TransactionTemplate tx;

	@Test
	void oneReaderCountsOncePerArticleAndDayAcrossRestarts() throws IOException {
		long id = anArticle();
		String reader = "a" + Long.toHexString(System.nanoTime());
		assertThat(read(engagement, reader, id)).isTrue();
		assertThat(read(engagement, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(1);

		// one node writes its marks with the counters' flush, and on shutdown
		assertThat(marksOf(reader)).as("not yet flushed").isZero();
		readMarks.flush();
		assertThat(marksOf(reader)).isEqualTo(1);

		// this node restarted on the same data: nothing in its memory
		Engagement restarted = node(false);
		assertThat(read(restarted, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(1);
		// another reader still counts
		assertThat(read(restarted, reader + "b", id)).isTrue();
		assertThat(engagement.counts(id).reads()).isEqualTo(2);

		// the next platform day, the same reader counts once more
		CLOCK.advance(Duration.ofDays(1));
		assertThat(read(restarted, reader, id)).isTrue();
		assertThat(read(restarted, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(3);

		// yesterday's marks decide nothing any more and go
		restartedMarks.flush();
		int today = PlatformDays.of(CLOCK.millis());
		assertThat(readMarks.prune(today)).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM read_marks WHERE day < :today")
			.param("today", today)
			.query(Long.class)
			.single()).isZero();
		assertThat(read(node(false), reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(3);
	}

	@Test
	void inClusterModeTheFirstNodeToInsertTheMarkCountsTheRead() throws IOException {
		long id = anArticle();
		String reader = "c" + Long.toHexString(System.nanoTime());
		Engagement one = node(true);
		Engagement other = node(true);
		assertThat(read(one, reader, id)).isTrue();
		assertThat(marksOf(reader)).as("written at once").isEqualTo(1);
		assertThat(read(other, reader, id)).isFalse();
		assertThat(read(other, reader + "b", id)).isTrue();
		assertThat(read(one, reader + "b", id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(2);
	}

	private ReadMarks restartedMarks;

	/** A node with an empty memory over this database: another process or a restart. */
	private Engagement node(boolean cluster) {
		restartedMarks = new ReadMarks(jdbc, jdbcTemplate, tx, CLOCK, cluster);
		return new Engagement(counters, stats, events, addressLimits, sources, restartedMarks, CLOCK);
	}

	private long marksOf(String reader) {
		return jdbc.sql("SELECT COUNT(*) FROM read_marks WHERE reader_key = :reader")
			.param("reader", reader)
			.query(Long.class)
			.single();
	}

	@Test
	void botsStillDoNotCount() throws IOException {
		long id = anArticle();
		assertThat(engagement.recordRead("a" + Long.toHexString(System.nanoTime()), null, "203.0.113.9", true, id, 1,
				Referral.DIRECT))
			.isFalse();
		assertThat(engagement.counts(id).reads()).isZero();
	}

	private static boolean read(Engagement node, String reader, long articleId) {
		return node.recordRead(reader, null, "203.0.113.8", false, articleId, 1, Referral.DIRECT);
	}

	private long anArticle() throws IOException {
		String key = "once-" + System.nanoTime();
		String line = "{\"id\":\"" + key + "\",\"creator\":\"once\",\"channel\":\"qu\",\"title\":\"天净沙·秋思\","
				+ "\"body_markdown\":\"枯藤老树昏鸦，小桥流水人家，古道西风瘦马。\",\"published_at\":\"2024-01-01T08:00:00+08:00\"}\n";
		importer.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null);
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", "id:" + key)
			.query(Long.class)
			.single();
	}

}
