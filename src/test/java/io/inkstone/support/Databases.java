package io.inkstone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.sqlite.SQLiteDataSource;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Where integration tests keep their data: a fresh temporary data directory (SQLite) or a
 * fresh PostgreSQL database on {@code INKSTONE_TEST_PG_HOST:5432} (default 127.0.0.1).
 * When PostgreSQL is missing the test fails loudly under {@code CI=true} and is skipped,
 * with the reason, elsewhere.
 */
public final class Databases {

	private Databases() {
	}

	public static Path freshDataDir() {
		try {
			return Files.createTempDirectory("inkstone-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fresh SQLite file with Inkstone's schema, built by Flyway as the application
	 * builds it: fast tests of repositories and rules run on it without Spring.
	 */
	public static SQLiteDataSource migratedSqlite(String name) {
		try {
			Path file = Files.createTempFile("inkstone-" + name, ".db");
			SQLiteDataSource dataSource = new SQLiteDataSource();
			dataSource.setUrl("jdbc:sqlite:" + file);
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration", "classpath:db/vendor/sqlite")
				.load()
				.migrate();
			return dataSource;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String pgHost() {
		String host = System.getenv("INKSTONE_TEST_PG_HOST");
		return host == null || host.isBlank() ? "127.0.0.1" : host;
	}

	public static String pgUser() {
		String user = System.getenv("INKSTONE_TEST_PG_USER");
		return user == null || user.isBlank() ? "postgres" : user;
	}

	/**
	 * Fails under CI=true, else skips the test, when Redis does not answer on
	 * 127.0.0.1:6379.
	 */
	public static void requireRedis() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] reply = new byte[7];
			int n = socket.getInputStream().read(reply);
			if (n < 5 || !new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
				throw new IOException("unexpected reply to PING");
			}
		}
		catch (IOException ex) {
			String reason = "Redis at 127.0.0.1:6379 is not available: " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason + " (CI=true: Redis tests must run)", ex);
			}
			System.out.println("SKIPPED: " + reason);
			Assumptions.abort(reason);
		}
	}

	/**
	 * The application under test on a fresh data directory and a fresh PostgreSQL
	 * database ({@link #freshPostgresDatabase}): what every PostgreSQL twin of a contract
	 * registers.
	 */
	public static void freshPostgresSite(DynamicPropertyRegistry registry) {
		String url = freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> freshDataDir().toString());
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
	}

	/** Creates a uniquely named database and returns its JDBC URL. */
	public static String freshPostgresDatabase() {
		String admin = "jdbc:postgresql://" + pgHost() + ":5432/postgres";
		String name = "inkstone_test_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(admin, pgUser(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			String reason = "PostgreSQL at " + pgHost() + ":5432 is not available: " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason + " (CI=true: PostgreSQL tests must run)", ex);
			}
			System.out.println("SKIPPED: " + reason);
			Assumptions.abort(reason);
		}
		return "jdbc:postgresql://" + pgHost() + ":5432/" + name;
	}

}
