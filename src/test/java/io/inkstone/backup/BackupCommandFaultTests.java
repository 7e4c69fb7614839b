package io.inkstone.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import io.inkstone.support.Databases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.inkstone.backup.BackupRestoreDrillContract.command;
import static org.assertj.core.api.Assertions.assertThat;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The hostile and fault paths of {@code backup} and {@code restore}, on a small SQLite
 * data directory: a restore that is refused writes nothing and exits non-zero with a
 * message that says why.
 */
class BackupCommandFaultTests {

	private Path source;

	private Path backup;

	@BeforeEach
	void backUpASmallSite() throws Exception {
		source = Databases.freshDataDir();
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source.resolve("inkstone.db"));
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA journal_mode=WAL");
			statement.execute("CREATE TABLE articles (id BIGINT PRIMARY KEY, title TEXT)");
			statement.execute("INSERT INTO articles VALUES (1, '砚'), (2, 'ink')");
		}
		Path image = source.resolve("media").resolve("ab").resolve("abcdef/full.png");
		Files.createDirectories(image.getParent());
		Files.write(image, new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		Files.writeString(image.resolveSibling(".upload123.tmp"), "half-written");
		Path parent = Databases.freshDataDir();
		var run = command(true, source, List.of(), parent.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		try (Stream<Path> entries = Files.list(parent)) {
			backup = entries.findFirst().orElseThrow();
		}
	}

	private static long articles(Path dataDir) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("inkstone.db"));
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT COUNT(*) FROM articles")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Test
	void writesAManifestWithCountsAndChecksumsAndSkipsHalfWrittenUploads() throws IOException {
		assertThat(backup.getFileName().toString()).matches(Backups.NAME);
		BackupManifest manifest = BackupManifest.read(backup);
		assertThat(manifest.rows("articles")).isEqualTo(2);
		assertThat(manifest.verified()).isEqualTo("ok");
		assertThat(manifest.files()).extracting(BackupManifest.FileEntry::path)
			.containsExactly(BackupManifest.SQLITE_FILE, "media/ab/abcdef/full.png");
		for (BackupManifest.FileEntry file : manifest.files()) {
			assertThat(BackupFiles.sha256(backup.resolve(file.path()))).isEqualTo(file.sha256());
		}
		assertThat(backup.resolveSibling(backup.getFileName() + BackupWriter.PARTIAL)).doesNotExist();
	}

	@Test
	void restoresIntoAnEmptyDirectoryAndRefusesANonEmptyOneWithoutForce() throws Exception {
		Path target = Databases.freshDataDir();
		Files.writeString(target.resolve("notes.txt"), "mine");
		var refused = command(false, target, List.of(), backup.toString());
		assertThat(refused.exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(refused.err()).contains(target.toString()).contains("--force");
		assertThat(target.resolve("inkstone.db")).doesNotExist();

		var forced = command(false, target, List.of(), backup.toString(), "--force");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(articles(target)).isEqualTo(2);
		assertThat(target.resolve("media/ab/abcdef/full.png")).exists();
		assertThat(target.resolve("notes.txt")).exists(); // --force replaces the
															// database, media and index
															// only

		Path fresh = Databases.freshDataDir().resolve("new");
		var clean = command(false, fresh, List.of(), backup.toString());
		assertThat(clean.exitCode()).as(clean.err()).isZero();
		assertThat(articles(fresh)).isEqualTo(2);
	}

	@Test
	void refusesATamperedFileAndWritesNothing() throws Exception {
		Path image = backup.resolve("media/ab/abcdef/full.png");
		byte[] bytes = Files.readAllBytes(image);
		bytes[bytes.length - 1] ^= 1;
		Files.write(image, bytes); // same size, one bit flipped
		Path target = Databases.freshDataDir().resolve("target");
		var run = command(false, target, List.of(), backup.toString());
		assertThat(run.exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(run.err()).contains("media/ab/abcdef/full.png");
		assertThat(target).doesNotExist();
	}

	@Test
	void refusesATruncatedDatabaseCopy() throws Exception {
		Path db = backup.resolve(BackupManifest.SQLITE_FILE);
		byte[] bytes = Files.readAllBytes(db);
		Files.write(db, Arrays.copyOf(bytes, bytes.length / 2));
		Path target = Databases.freshDataDir().resolve("target");
		assertThat(command(false, target, List.of(), backup.toString()).exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(target).doesNotExist();
	}

	@Test
	void refusesABackupWithoutManifestOrWithAHostileOne() throws Exception {
		Path target = Databases.freshDataDir().resolve("target");
		Path manifest = backup.resolve(BackupManifest.FILE);
		String original = Files.readString(manifest);

		Files.writeString(manifest, original.replace("\"media/ab/abcdef/full.png\"", "\"../../../etc/passwd\""));
		var traversal = command(false, target, List.of(), backup.toString());
		assertThat(traversal.exitCode()).isEqualTo(BackupCommand.USAGE);

		Files.writeString(manifest, "{ not json", StandardCharsets.UTF_8);
		assertThat(command(false, target, List.of(), backup.toString()).exitCode()).isEqualTo(BackupCommand.USAGE);

		Files.delete(manifest);
		var missing = command(false, target, List.of(), backup.toString());
		assertThat(missing.exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(missing.err()).contains(BackupManifest.FILE);
		assertThat(target).doesNotExist();
	}

	@Test
	void refusesWhileAServerHoldsTheDataDirectory() throws Exception {
		Path target = Databases.freshDataDir();
		Path lock = target.resolve("index").resolve("write.lock");
		Files.createDirectories(lock.getParent());
		Files.createFile(lock);
		try (var channel = FileChannel.open(lock, StandardOpenOption.WRITE); var held = channel.lock()) {
			var run = command(false, target, List.of(), backup.toString(), "--force");
			assertThat(run.exitCode()).isEqualTo(BackupCommand.USAGE);
			assertThat(target.resolve("inkstone.db")).doesNotExist();
		}
	}

	@Test
	void usageErrorsAndAMissingDatabaseExitWithTwo() {
		Path empty = Databases.freshDataDir();
		assertThat(command(false, empty, List.of()).exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(command(true, empty, List.of(), "a", "b").exitCode()).isEqualTo(BackupCommand.USAGE);
		var noDatabase = command(true, empty.resolve("nothing-here"), List.of(), Databases.freshDataDir().toString());
		assertThat(noDatabase.exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(empty.resolve("nothing-here")).doesNotExist();
	}

}
