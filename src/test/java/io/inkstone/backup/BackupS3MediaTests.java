package io.inkstone.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.inkstone.media.MediaProperties;
import io.inkstone.media.MediaStorage;
import io.inkstone.support.Databases;
import io.inkstone.support.S3Server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.inkstone.backup.BackupRestoreDrillContract.command;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups in cluster mode ({@code inkstone.media.storage=s3}): every media object of the
 * bucket is copied into the backup with its checksum, and a restore puts them back into
 * whatever storage the restoring configuration uses, after verifying every checksum.
 */
class BackupS3MediaTests {

	static S3Server server;

	static int buckets;

	static final List<String> KEYS = List.of("a".repeat(64) + "/full.jpg", "a".repeat(64) + "/480.jpg",
			"b".repeat(64) + "/full.png");

	private Path source;

	private Path backup;

	@BeforeAll
	static void start() {
		server = new S3Server();
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	static String freshBucket() {
		String name = "bucket-" + ++buckets;
		server.createBucket(name);
		return name;
	}

	static List<String> s3(String bucket) {
		return List.of("--inkstone.media.storage=s3", "--inkstone.media.s3.endpoint=" + server.endpoint(),
				"--inkstone.media.s3.bucket=" + bucket, "--inkstone.media.s3.access-key=" + S3Server.ACCESS_KEY,
				"--inkstone.media.s3.secret-key=" + S3Server.SECRET_KEY);
	}

	static MediaStorage storage(String bucket) {
		return MediaStorage.of(new MediaProperties("s3", 1, 1, List.of(), new MediaProperties.S3(server.endpoint(),
				"us-east-1", bucket, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true)), Path.of("unused"));
	}

	static byte[] bytes(String key) {
		return ("image " + key).getBytes(StandardCharsets.UTF_8);
	}

	@BeforeEach
	void backUpASiteWithBucketMedia() throws Exception {
		source = Databases.freshDataDir();
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source.resolve("inkstone.db"));
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA journal_mode=WAL");
			statement.execute("CREATE TABLE articles (id BIGINT PRIMARY KEY, title TEXT)");
			statement.execute("INSERT INTO articles VALUES (1, '砚'), (2, 'ink')");
		}
		String bucket = freshBucket();
		MediaStorage site = storage(bucket);
		for (String key : KEYS) {
			site.put(key, bytes(key), "image/jpeg");
		}
		Path parent = Databases.freshDataDir();
		var run = command(true, source, s3(bucket), parent.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains(bucket);
		try (Stream<Path> entries = Files.list(parent)) {
			backup = entries.findFirst().orElseThrow();
		}
		((AutoCloseable) site).close();
	}

	@Test
	void copiesEveryObjectWithItsChecksum() throws Exception {
		BackupManifest manifest = BackupManifest.read(backup);
		assertThat(manifest.media()).isEqualTo("s3");
		List<String> expected = new ArrayList<>(KEYS.stream().map(k -> "media/" + k).toList());
		expected.add(0, BackupManifest.SQLITE_FILE);
		assertThat(manifest.files()).extracting(BackupManifest.FileEntry::path)
			.containsExactlyInAnyOrderElementsOf(expected);
		for (BackupManifest.FileEntry file : manifest.files()) {
			assertThat(BackupFiles.sha256(backup.resolve(file.path()))).isEqualTo(file.sha256());
		}
		assertThat(Files.readAllBytes(backup.resolve("media/" + KEYS.get(0)))).isEqualTo(bytes(KEYS.get(0)));
	}

	@Test
	void restoresEveryObjectIntoAnEmptyBucket() throws Exception {
		String empty = freshBucket();
		Path target = Databases.freshDataDir().resolve("target");
		var run = command(false, target, s3(empty), backup.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(target.resolve("inkstone.db")).exists();
		assertThat(server.objectCount(empty)).isEqualTo(KEYS.size());
		MediaStorage restored = storage(empty);
		try {
			assertThat(restored.keys()).containsExactlyInAnyOrderElementsOf(KEYS);
			for (String key : KEYS) {
				assertThat(restored.get(key).orElseThrow().bytes()).isEqualTo(bytes(key));
			}
		}
		finally {
			((AutoCloseable) restored).close();
		}
	}

	@Test
	void restoresBucketMediaIntoALocalDataDirectory() throws Exception {
		Path target = Databases.freshDataDir().resolve("target");
		var run = command(false, target, List.of(), backup.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		for (String key : KEYS) {
			assertThat(target.resolve("media").resolve(key.substring(0, 2)).resolve(key)).hasBinaryContent(bytes(key));
		}
	}

	@Test
	void refusesATamperedObjectAndWritesNothing() throws Exception {
		Path image = backup.resolve("media/" + KEYS.get(2));
		byte[] bytes = Files.readAllBytes(image);
		bytes[bytes.length - 1] ^= 1;
		Files.write(image, bytes);
		String empty = freshBucket();
		Path target = Databases.freshDataDir().resolve("target");
		var run = command(false, target, s3(empty), backup.toString());
		assertThat(run.exitCode()).isEqualTo(BackupCommand.USAGE);
		assertThat(run.err()).contains("media/" + KEYS.get(2)).doesNotContain("Exception");
		assertThat(target).doesNotExist();
		assertThat(server.objectCount(empty)).isZero();
	}

}
