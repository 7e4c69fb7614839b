package io.inkstone.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Seed;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SQLite's one writer held longer than the busy timeout — what a large import or a backup
 * does on a loaded machine. Reading goes on: a signed-in reader's article page is shown
 * although its bookkeeping (the session's first registration, the read, 阅读历史) cannot be
 * written. A real write is refused with 503, {@code Retry-After} and a page that says
 * nothing was saved — not a 500 with a stack trace — and succeeds once the writer is
 * free. Scheduled tasks that find the database busy say so in one INFO line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BusyDatabaseSqliteIntegrationTests {

	private static final Path DATA_DIR = Databases.freshDataDir();

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", DATA_DIR::toString);
		registry.add("inkstone.db.busy-timeout", () -> "1s");
	}

	@Test
	void aHeldWriterLeavesPagesReadableAndRefusesWritesWith503UntilItIsFree(CapturedOutput output) throws Exception {
		long id = new Seed(importer, jdbc).publish(Seed.article("busy-1").title("忙时的文章"));
		long unread = new Seed(importer, jdbc).publish(Seed.article("busy-2").title("忙时未读的文章"));
		Browser reader = new Browser(port);
		reader.page("/signup");
		assertThat(reader
			.post("/signup", Map.of("_csrf", reader.csrfToken(), "email",
					"busy-" + UUID.randomUUID() + "@inkstone.test", "password", "correct-horse-1", "displayName", "读者"))
			.statusCode()).isEqualTo(302);
		int errorsBefore = errorLines(output);
		String text = "忙时的评论 " + UUID.randomUUID();
		try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("inkstone.db"));
				Statement statement = other.createStatement()) {
			statement.execute("BEGIN EXCLUSIVE");
			int logFrom = output.getAll().length();
			// the session's first request, its read and its reading history cannot be
			// written: the page is shown all the same
			Browser.Page page = reader.page("/articles/" + id);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.html().title()).contains("忙时的文章");
			// the read beacon of a signed-in reader's first read: its bookkeeping
			// (interests among it) waits for the writer off the reader's thread
			HttpResponse<String> beacon = reader.view(unread);
			assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(200);
			assertThat(beacon.body()).contains("\"counted\":true");
			// a comment cannot be stored: 503, a time to retry, a page a person
			// understands
			HttpResponse<String> refused = reader.post("/articles/" + id + "/comments",
					Map.of("_csrf", reader.csrfToken(), "text", text));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
			String shown = Jsoup.parse(refused.body()).text();
			assertThat(shown).contains("网站正忙").contains("没有保存").doesNotContain("Exception");
			// the background jobs meet the busy database too (as while the demo import
			// runs): each says so in one INFO line and runs at its next turn — no WARN,
			// no stack trace, no connection "marked as broken"
			await().atMost(Duration.ofSeconds(40))
				.untilAsserted(() -> assertThat(output.getAll().substring(logFrom))
					.contains("Scheduler lock 'inkstone-webhooks' not taken, the database is busy")
					.contains("Scheduler lock 'inkstone-publish-pings' not taken, the database is busy")
					.contains("Scheduler lock 'inkstone-scheduled-publish' not taken, the database is busy"));
			String busyLog = output.getAll().substring(logFrom);
			assertThat(busyLog.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
				.as("WARN and ERROR lines while the database was busy")
				.isEmpty();
			assertThat(busyLog).doesNotContain("\tat ").doesNotContain("marked as broken");
			statement.execute("ROLLBACK");
		}
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM comments WHERE body = :b").param("b", text).query(Long.class).single())
			.isZero();
		// the writer is free: the same comment goes through
		reader.page("/articles/" + id);
		assertThat(reader.post("/articles/" + id + "/comments", Map.of("_csrf", reader.csrfToken(), "text", text))
			.statusCode()).isIn(302, 303);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM comments WHERE body = :b").param("b", text).query(Long.class).single())
			.isEqualTo(1);
		assertThat(errorLines(output)).as("ERROR lines in the log while the database was busy").isEqualTo(errorsBefore);
	}

	private static int errorLines(CapturedOutput output) {
		return (int) output.getAll().lines().filter(line -> line.contains(" ERROR ")).count();
	}

}
