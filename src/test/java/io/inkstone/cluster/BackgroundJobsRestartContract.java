package io.inkstone.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.InkstoneApplication;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every background job works from the second start on, on both databases: scheduled
 * publishing (its ShedLock row already exists then — on SQLite that used to kill the job
 * for good), the counter flush, the hot-list reload, the search-index follower and search
 * suggestions. A job that fails turns the health DOWN and its gauge to 1, and recovers
 * when the fault goes — also when the fault is in taking the job's lock and ShedLock
 * would have swallowed it (a deleted lock row).
 */
abstract class BackgroundJobsRestartContract {

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	ConfigurableApplicationContext start(Path dataDir) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--inkstone.data-dir=" + dataDir, "--inkstone.counters.flush-interval=1s"));
		args.addAll(databaseArguments());
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void everyBackgroundJobRunsAfterARestartAndAFailingJobIsVisible() throws Exception {
		Path dataDir = Databases.freshDataDir();
		try (ConfigurableApplicationContext first = start(dataDir)) {
			first.getBean(ArticleImporter.class).importLines(Fixtures.open(Fixtures.CLASSICS), null);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			// the publisher has taken its lock once: from now on its lock row exists
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'inkstone-scheduled-publish'")
					.query(Long.class)
					.single() == 1);
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			Browser reader = new Browser(port(second));
			var any = jdbc.sql("SELECT creator_id, channel_id FROM articles ORDER BY id LIMIT 1")
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
			String title = "重启之后的定时稿" + System.nanoTime() % 100_000;
			Articles articles = second.getBean(Articles.class);
			long id = articles.createDraft(any[0],
					new Draft(title, "夜深千帐灯，风一更，雪一更。\n\n聒碎乡心梦不成。", any[1], "", true, Aigc.NONE, null));
			articles.schedule(id, any[0], System.currentTimeMillis() + 3_600_000);
			assertThat(reader.page("/articles/" + id).status()).isEqualTo(404);
			// time passes: the schedule moves into the past, the publisher fires within
			// its 10 s period
			jdbc.sql("UPDATE articles SET publish_at = :at WHERE id = :id")
				.param("at", System.currentTimeMillis() - 1000)
				.param("id", id)
				.update();
			await().atMost(Duration.ofSeconds(30)).until(() -> reader.page("/articles/" + id).status() == 200);

			// the search-index follower and the suggestions pick the new article up
			String q = URLEncoder.encode(title, StandardCharsets.UTF_8);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> !reader.page("/search?q=" + q).html().select("a[href=/articles/" + id + "]").isEmpty());
			await().atMost(Duration.ofSeconds(20))
				.until(() -> reader
					.get("/api/v1/suggest?q=" + URLEncoder.encode(title.substring(0, 6), StandardCharsets.UTF_8))
					.body()
					.contains(title));
			// the hot list reloads with it (the newest publish weighs most)
			await().atMost(Duration.ofSeconds(20))
				.until(() -> !new Browser(port(second)).page("/")
					.testId("hot")
					.select("a[href=/articles/" + id + "]")
					.isEmpty());
			// the counter flush moves reads to the database every second
			new Browser(port(second)).view(id); // two readers' read beacons
			new Browser(port(second)).view(id);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jdbc.sql("SELECT COALESCE(SUM(reads), 0) FROM article_stats WHERE article_id = :id")
					.param("id", id)
					.query(Long.class)
					.single() >= 2);

			HealthIndicator jobs = second.getBean("jobs", HealthIndicator.class);
			assertThat(jobs.health().getStatus()).isEqualTo(Status.UP);
			assertThat(reader.get("/actuator/health").statusCode()).isEqualTo(200);

			// a fault: the lock table is gone, so the publisher fails every round —
			// visible, then recovered
			jdbc.sql("ALTER TABLE shedlock RENAME TO shedlock_away").update();
			// (the event redelivery job, also lock-protected, may turn it DOWN first:
			// wait for the publisher's failure)
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jobs.health().getStatus().equals(Status.DOWN)
						&& jobs.health().getDetails().containsKey("ScheduledPublisher.publishDue"));
			MeterRegistry meters = second.getBean(MeterRegistry.class);
			assertThat(meters.get("inkstone.jobs.failing").tag("job", "ScheduledPublisher.publishDue").gauge().value())
				.isEqualTo(1.0);
			assertThat(reader.get("/actuator/health").statusCode()).isEqualTo(503);
			jdbc.sql("ALTER TABLE shedlock_away RENAME TO shedlock").update();
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.health().getStatus().equals(Status.UP));

			// a fault ShedLock swallows: the lock rows deleted while the application runs
			// (a usual way to "clear a
			// stuck lock"). ShedLock only UPDATEs a row it once created, so the publisher
			// used to be skipped silently,
			// for good: health UP, nothing published. Now the refused lock is visible,
			// and the row is created again.
			jdbc.sql("DELETE FROM shedlock").update();
			// the first lock-protected job to try (the publisher or the event redelivery)
			// reports it, for one round
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				var health = jobs.health();
				return health.getStatus().equals(Status.DOWN) && health.getDetails()
					.entrySet()
					.stream()
					.anyMatch(job -> String.valueOf(job.getValue()).contains("is missing from table shedlock")
							&& meters.get("inkstone.jobs.failing").tag("job", job.getKey()).gauge().value() == 1.0);
			});
			String later = "锁行删除之后的定时稿" + System.nanoTime() % 100_000;
			long laterId = articles.createDraft(any[0],
					new Draft(later, "明月几时有，把酒问青天。", any[1], "", true, Aigc.NONE, null));
			articles.schedule(laterId, any[0], System.currentTimeMillis() + 3_600_000);
			jdbc.sql("UPDATE articles SET publish_at = :at WHERE id = :id")
				.param("at", System.currentTimeMillis() - 1000)
				.param("id", laterId)
				.update();
			await().atMost(Duration.ofSeconds(40)).until(() -> reader.page("/articles/" + laterId).status() == 200);
			await().atMost(Duration.ofSeconds(30)).until(() -> jobs.health().getStatus().equals(Status.UP));
			assertThat(meters.get("inkstone.jobs.failing").tag("job", "ScheduledPublisher.publishDue").gauge().value())
				.isZero();
		}
	}

}
