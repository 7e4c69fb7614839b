package io.inkstone.articles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher that hangs (its lock or the database blocked) fails nothing, so only the
 * late article shows it: health turns DOWN once a scheduled article is more than two
 * minutes past its time.
 */
class ScheduledPublishingHealthTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	private JdbcClient jdbc;

	private ScheduledPublishingHealth health;

	@BeforeEach
	void database() throws Exception {
		Path file = Files.createTempFile("inkstone-scheduled-health", ".db");
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file);
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE articles (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, publish_at BIGINT)")
			.update();
		health = new ScheduledPublishingHealth(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void article(long id, String status, Long publishAt) {
		jdbc.sql("INSERT INTO articles (id, status, publish_at) VALUES (:id, :status, :at)")
			.param("id", id)
			.param("status", status)
			.param("at", publishAt)
			.update();
	}

	@Test
	void aScheduledArticleMoreThanTwoMinutesLateTurnsHealthDown() {
		article(1, "draft", null); // a plain draft
		article(2, "draft", NOW.plusSeconds(600).toEpochMilli()); // due later
		article(3, "draft", NOW.minusSeconds(60).toEpochMilli()); // due a minute ago: the
																	// publisher runs
																	// every 10 s
		article(4, "published", NOW.minusSeconds(3600).toEpochMilli());
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		article(5, "draft", NOW.minusSeconds(180).toEpochMilli());
		var down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("late", 1L)
			.containsEntry("lateSince", NOW.minusSeconds(180).toString());
	}

}
