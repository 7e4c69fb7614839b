package io.inkstone.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.inkstone.support.Databases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Background jobs across a restart on the embedded default, SQLite in the data directory.
 */
class BackgroundJobsRestartSqliteIntegrationTests extends BackgroundJobsRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

	/**
	 * The database file locked from outside for longer than the busy timeout (a backup
	 * tool, an operator's sqlite3 shell): taking the publisher's lock fails
	 * (SQLITE_BUSY), which shows in the health while it lasts and clears once the lock is
	 * released (docs/reliability.md used to say health stayed UP here).
	 */
	@Test
	void aDatabaseLockedFromOutsideForAMomentLeavesTheJobsUp() throws Exception {
		Path dataDir = Databases.freshDataDir();
		try (ConfigurableApplicationContext app = start(dataDir)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			HealthIndicator jobs = app.getBean("jobs", HealthIndicator.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'inkstone-scheduled-publish'")
					.query(Long.class)
					.single() == 1);
			try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("inkstone.db"));
					Statement statement = other.createStatement()) {
				statement.execute("BEGIN EXCLUSIVE");
				// a busy moment (an import, a backup) refuses the jobs' locks and runs;
				// health reports that only after five minutes in a row (LockFailureTests)
				await().during(Duration.ofSeconds(25))
					.atMost(Duration.ofSeconds(30))
					.until(() -> jobs.health().getStatus().equals(Status.UP));
				statement.execute("ROLLBACK");
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> jobs.health().getStatus().equals(Status.UP));
		}
	}

}
