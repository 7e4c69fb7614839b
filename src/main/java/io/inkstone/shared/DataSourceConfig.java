package io.inkstone.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * SQLite in the data directory by default (WAL, crash-safe), PostgreSQL when
 * {@code inkstone.db.url} is set. The data directory is created before the pool opens
 * (SQLite cannot create folders).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

	@Bean(destroyMethod = "close")
	DataSource dataSource(InkstoneProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("inkstone");
		InkstoneProperties.Db db = properties.db();
		if (properties.cluster() && db.embedded()) {
			throw new IllegalStateException(
					"inkstone.mode=cluster needs a shared PostgreSQL database: set INKSTONE_DB_URL,"
							+ " INKSTONE_DB_USER and INKSTONE_DB_PASSWORD (SQLite is one node's file)");
		}
		if (db.embedded()) {
			Path dir = properties.dataDir().toAbsolutePath().normalize();
			try {
				Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create data directory " + dir, ex);
			}
			config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("inkstone.db") + "?journal_mode=WAL&busy_timeout="
					+ db.busyTimeout().toMillis() + "&foreign_keys=true&synchronous=FULL&transaction_mode=IMMEDIATE");
			// synchronous=FULL: the WAL is synced at every commit, so an acknowledged
			// write survives power loss, not
			// only a process crash (NORMAL may lose the last commits; docs/reliability.md
			// has the measured cost).
			// SQLite has one writer; a small pool keeps readers concurrent without lock
			// storms. Transactions
			// begin IMMEDIATE (take the write lock up front): a deferred transaction that
			// reads, then writes
			// after another connection committed, fails with SQLITE_BUSY_SNAPSHOT instead
			// of waiting.
			config.setMaximumPoolSize(Math.min(db.poolSize(), 8));
			config.setExceptionOverride(new SqliteConnectionEviction());
			// the pool evicts a connection that met a busy database on purpose (see
			// SqliteConnectionEviction) and would log a WARN with a stack trace for
			// each: dozens while the demo import holds the writer. The task that met it
			// says so in one line (DatabaseBusy); on SQLite, a file, there is no network
			// breakage that line would hide.
			LoggingSystem.get(DataSourceConfig.class.getClassLoader())
				.setLogLevel("com.zaxxer.hikari.pool.ProxyConnection", LogLevel.ERROR);
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.user());
			config.setPassword(db.password());
			config.setMaximumPoolSize(db.poolSize());
			// Quiet nodes give connections back (down to two, after a minute idle):
			// PostgreSQL's max_connections is
			// shared by every node, the import and backup commands, and, in the test
			// suite, every cached context.
			config.setMinimumIdle(Math.min(2, db.poolSize()));
			config.setIdleTimeout(60_000);
			// A reader waits at most 5 s for a connection: with the database away
			// (restart, failover) pages
			// answer an error quickly instead of piling up threads, and the pool
			// reconnects when it returns.
			config.setConnectionTimeout(5_000);
			config.setValidationTimeout(2_000);
		}
		return new HikariDataSource(config);
	}

	/**
	 * Boot's JdbcTemplate (and so JdbcClient) uses this: SQLite's duplicate keys become
	 * DuplicateKeyException.
	 */
	@Bean
	SQLExceptionTranslator sqlExceptionTranslator(DataSource dataSource) {
		return new SqliteExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
	}

}
