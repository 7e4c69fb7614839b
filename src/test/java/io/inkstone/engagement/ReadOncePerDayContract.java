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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read counts once per reader, article and platform day: a reload does not count again,
 * nor does the same reader on another node or on this one after a restart (both start
 * with an empty memory over the same database), but the next day does.
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
	ObjectProvider<Clock> clock;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneReaderCountsOncePerArticleAndDayAcrossRestartsAndNodes() throws IOException {
		long id = anArticle();
		String reader = "a" + Long.toHexString(System.nanoTime());
		assertThat(read(engagement, reader, id)).isTrue();
		assertThat(read(engagement, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(1);

		// another node, or this one restarted on the same data: nothing in its memory
		Engagement otherNode = new Engagement(counters, stats, events, addressLimits, sources,
				new ReadMarks(jdbc, clock), CLOCK);
		assertThat(read(otherNode, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(1);
		// another reader still counts
		assertThat(read(otherNode, reader + "b", id)).isTrue();
		assertThat(engagement.counts(id).reads()).isEqualTo(2);

		// the next platform day, the same reader counts once more, on either node
		CLOCK.advance(Duration.ofDays(1));
		assertThat(read(otherNode, reader, id)).isTrue();
		assertThat(read(engagement, reader, id)).isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(3);

		// yesterday's marks decide nothing any more and go
		int today = PlatformDays.of(CLOCK.millis());
		assertThat(readMarks.prune(today)).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM read_marks WHERE day < :today")
			.param("today", today)
			.query(Long.class)
			.single()).isZero();
		assertThat(
				read(new Engagement(counters, stats, events, addressLimits, sources, new ReadMarks(jdbc, clock), CLOCK),
						reader, id))
			.isFalse();
		assertThat(engagement.counts(id).reads()).isEqualTo(3);
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
