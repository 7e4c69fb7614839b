package io.inkstone.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.inkstone.support.Databases;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQLite file locked by someone else for longer than the busy timeout (a backup tool,
 * a long import, an operator's sqlite3 shell): transactions fail while it lasts, and
 * every transaction after it works again — the pool must not keep connections whose
 * failed BEGIN left them half inside a transaction (they broke scheduled publishing until
 * a restart).
 */
class SqliteLockedDatabaseTests {

	@Test
	void transactionsWorkAgainOnceALongLockIsReleased() throws Exception {
		Path dataDir = Databases.freshDataDir();
		InkstoneProperties properties = new InkstoneProperties(dataDir, "test",
				new InkstoneProperties.Db(null, null, null, 4, Duration.ofSeconds(2)), null, null, null, null, false,
				null, null, null);
		DataSource dataSource = new DataSourceConfig().dataSource(properties);
		try (HikariDataSource pool = (HikariDataSource) dataSource) {
			JdbcClient jdbc = JdbcClient.create(pool);
			TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
			jdbc.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").update();
			try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("inkstone.db"));
					Statement statement = other.createStatement()) {
				statement.execute("BEGIN EXCLUSIVE");
				// longer than the busy timeout: the transaction cannot start
				assertThatThrownBy(() -> tx
					.executeWithoutResult(s -> jdbc.sql("INSERT INTO notes (body) VALUES ('during')").update()))
					.isNotNull();
				statement.execute("ROLLBACK");
			}
			for (int i = 0; i < 12; i++) {
				int n = i;
				tx.executeWithoutResult(
						s -> jdbc.sql("INSERT INTO notes (body) VALUES (:b)").param("b", "after " + n).update());
			}
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE body LIKE 'after %'").query(Long.class).single())
				.isEqualTo(12);
		}
	}

}
