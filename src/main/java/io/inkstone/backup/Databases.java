package io.inkstone.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.inkstone.shared.InkstoneProperties;
import java.io.File;
import java.net.URLDecoder;
import java.net.URLEncoder;

/**
 * The database side of backup and restore, on its own JDBC connection (the server's pool
 * is not needed, so the command runs beside a serving site and the admin page's
 * background backup uses the same code).
 *
 * <p>
 * SQLite: {@code VACUUM INTO} copies one read transaction's snapshot while writers go on
 * (WAL). PostgreSQL: a {@code REPEATABLE READ} transaction exports its snapshot, the row
 * counts are read in it, and {@code pg_dump
 * --snapshot} dumps exactly that snapshot (custom format); restore runs
 * {@code pg_restore}. Both tools come with the PostgreSQL client package and must be on
 * the PATH (or in {@code INKSTONE_PG_BIN}).
 */
final class Databases {

	private Databases() {
	}

	/**
	 * What the snapshot holds: its Flyway schema version and the row count of every
	 * table.
	 */
	record Snapshot(String schemaVersion, Map<String, Long> tables) {
	}

	static Path sqliteFile(InkstoneProperties properties) {
		return properties.dataDir().toAbsolutePath().normalize().resolve("inkstone.db");
	}

	static Connection sqlite(Path file) throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=10000");
	}

	static Connection postgres(InkstoneProperties.Db db) throws SQLException {
		return DriverManager.getConnection(db.url(), db.user(), db.password());
	}

	/** Copies the live SQLite database into {@code target} and describes the copy. */
	static Snapshot backupSqlite(Path source, Path target) throws SQLException, IOException {
		if (!Files.isRegularFile(source)) {
			throw new BackupException("backup.error.noDatabase", source);
		}
		Files.createDirectories(target.getParent());
		try (Connection connection = sqlite(source); Statement statement = connection.createStatement()) {
			statement.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
		}
		return describeSqlite(target);
	}

	/**
	 * The copy's schema version and counts; fails when {@code PRAGMA integrity_check}
	 * finds a problem.
	 */
	static Snapshot describeSqlite(Path file) throws SQLException {
		try (Connection connection = sqlite(file); Statement statement = connection.createStatement()) {
			String check = integrityCheck(statement);
			if (!"ok".equals(check)) {
				throw new BackupException("backup.error.integrity", check);
			}
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery(
					"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			return new Snapshot(schemaVersion(statement), counts(statement, tables));
		}
	}

	static String integrityCheck(Statement statement) throws SQLException {
		StringBuilder result = new StringBuilder();
		try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
			while (rs.next()) {
				result.append(result.isEmpty() ? "" : "; ").append(rs.getString(1));
			}
		}
		return result.toString();
	}

	private static Map<String, Long> counts(Statement statement, List<String> tables) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : tables) {
			try (ResultSet rs = statement
				.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
				rs.next();
				counts.put(table, rs.getLong(1));
			}
		}
		return counts;
	}

	private static String schemaVersion(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery(
				"SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
			return rs.next() ? rs.getString(1) : "";
		}
		catch (SQLException ex) {
			return ""; // a database Flyway never ran on
		}
	}

	/** Tables of the connection's current schema (PostgreSQL). */
	static List<String> postgresTables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	static String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * Dumps one exported snapshot with pg_dump and counts the rows of that same snapshot.
	 */
	static Snapshot backupPostgres(InkstoneProperties.Db db, Path target) throws SQLException, IOException {
		String pgDump = tool("pg_dump");
		Files.createDirectories(target.getParent());
		try (Connection connection = postgres(db)) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try (Statement statement = connection.createStatement()) {
				String snapshot;
				try (ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
					rs.next();
					snapshot = rs.getString(1);
				}
				String schema = currentSchema(connection);
				Snapshot described = new Snapshot(schemaVersion(statement),
						counts(statement, postgresTables(connection)));
				List<String> command = new ArrayList<>(List.of(pgDump, "--format=custom", "--no-owner",
						"--no-privileges", "--snapshot=" + snapshot, "--schema=" + schema, "--file=" + target));
				command.addAll(connectionArguments(db));
				run(command, db);
				connection.commit();
				return described;
			}
		}
	}

	/** True when the connection's schema has no tables (a fresh database). */
	static boolean postgresEmpty(InkstoneProperties.Db db) throws SQLException {
		try (Connection connection = postgres(db)) {
			return postgresTables(connection).isEmpty();
		}
	}

	/**
	 * Restores a pg_dump file into the (empty, or emptied with {@code force}) schema, in
	 * one transaction.
	 */
	static Snapshot restorePostgres(InkstoneProperties.Db db, Path dump, boolean force)
			throws SQLException, IOException {
		String pgRestore = tool("pg_restore");
		String schema;
		try (Connection connection = postgres(db); Statement statement = connection.createStatement()) {
			schema = currentSchema(connection);
			if (force) {
				String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
				statement.execute("DROP SCHEMA " + quoted + " CASCADE");
				statement.execute("CREATE SCHEMA " + quoted);
			}
		}
		// the schema itself exists already (public always does): restore what is in it,
		// not the schema entry
		StringBuilder list = new StringBuilder();
		for (String line : run(List.of(pgRestore, "--list", dump.toString()), db).split("\n")) {
			if (!line.contains(" SCHEMA - " + schema + " ") && !line.contains(" COMMENT - SCHEMA " + schema + " ")) {
				list.append(line).append('\n');
			}
		}
		Path listFile = Files.createTempFile("inkstone-restore", ".list");
		try {
			Files.writeString(listFile, list);
			List<String> command = new ArrayList<>(List.of(pgRestore, "--no-owner", "--no-privileges",
					"--single-transaction", "--use-list=" + listFile));
			command.addAll(connectionArguments(db));
			command.add(dump.toString());
			run(command, db);
		}
		finally {
			Files.deleteIfExists(listFile);
		}
		try (Connection connection = postgres(db); Statement statement = connection.createStatement()) {
			return new Snapshot(schemaVersion(statement), counts(statement, postgresTables(connection)));
		}
	}

	/**
	 * The JDBC URL as libpq arguments:
	 * {@code --dbname=postgresql://host:port/db?sslmode=…} and {@code --username}.
	 */
	static List<String> connectionArguments(InkstoneProperties.Db db) {
		String url = db.url();
		if (!url.startsWith("jdbc:postgresql://")) {
			throw new BackupException("backup.error.pgUrl", url);
		}
		String rest = url.substring("jdbc:".length());
		String query = "";
		int q = rest.indexOf('?');
		if (q >= 0) {
			query = rest.substring(q + 1);
			rest = rest.substring(0, q);
		}
		// only what libpq understands passes; pgJDBC's currentSchema becomes a
		// search_path option
		Set<String> libpq = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout",
				"application_name");
		List<String> kept = new ArrayList<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = pair.substring(0, eq);
			if (libpq.contains(key.toLowerCase(Locale.ROOT))) {
				kept.add(pair);
			}
			else if (key.equalsIgnoreCase("currentSchema")) {
				kept.add("options=" + URLEncoder
					.encode("-csearch_path=" + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8),
							StandardCharsets.UTF_8)
					.replace("+", "%20"));
			}
		}
		URI.create(rest); // a malformed address fails here, not inside the tool
		List<String> args = new ArrayList<>();
		args.add("--dbname=" + rest + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
		if (db.user() != null && !db.user().isBlank()) {
			args.add("--username=" + db.user());
		}
		args.add("--no-password");
		return args;
	}

	static String tool(String name) {
		String bin = System.getenv("INKSTONE_PG_BIN");
		List<Path> candidates = new ArrayList<>();
		if (bin != null && !bin.isBlank()) {
			candidates.add(Path.of(bin, name));
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				if (!dir.isBlank()) {
					candidates.add(Path.of(dir, name));
				}
			}
		}
		for (Path candidate : candidates) {
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new BackupException("backup.error.noTool", name);
	}

	private static String run(List<String> command, InkstoneProperties.Db db) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		if (db.password() != null && !db.password().isBlank()) {
			env.put("PGPASSWORD", db.password());
		}
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			if (!process.waitFor(6, TimeUnit.HOURS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		if (process.exitValue() != 0) {
			String tool = Path.of(command.get(0)).getFileName().toString();
			throw new BackupException("backup.error.toolFailed", tool, process.exitValue(),
					output.length() > 2000 ? output.substring(0, 2000) : output);
		}
		return output;
	}

	static Map<String, Long> ordered(Map<String, Long> counts) {
		return new LinkedHashMap<>(new TreeMap<>(counts));
	}

}
