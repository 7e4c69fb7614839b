package io.inkstone.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.inkstone.media.MediaProperties;
import io.inkstone.media.MediaStorage;
import io.inkstone.shared.InkstoneProperties;

/**
 * Writes one backup into a new directory {@code inkstone-<UTC time>} under the given
 * folder: the database snapshot first, then the media files (every image a database row
 * of the snapshot refers to was stored before that row was committed, so it is there;
 * images uploaded during the copy may come along too; in cluster mode every object of the
 * media bucket, into {@code media/<key>}), then reads every copied file back against its
 * checksum, and writes {@code manifest.json} last. It works in {@code <name>.partial} and
 * renames the directory when done, so a backup that has its final name is complete; a
 * failed run leaves nothing behind.
 */
final class BackupWriter {

	static final String PARTIAL = ".partial";

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'inkstone-'yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final InkstoneProperties properties;

	private final MediaProperties media;

	private final Clock clock;

	BackupWriter(InkstoneProperties properties, MediaProperties media, Clock clock) {
		this.properties = properties;
		this.media = media;
		this.clock = clock;
	}

	static String appVersion() {
		String version = BackupWriter.class.getPackage().getImplementationVersion();
		return version == null ? "dev" : version;
	}

	/**
	 * Every media object of the bucket into {@code media/<key>}, streamed through a
	 * checksum like the local files; an object deleted while we list is skipped.
	 */
	private void copyObjects(Path work, List<BackupManifest.FileEntry> files) throws IOException {
		MediaStorage storage = MediaStorage.of(media, properties.dataDir());
		try {
			for (String key : storage.keys()) {
				Optional<InputStream> in = storage.open(key);
				if (in.isEmpty()) {
					continue;
				}
				String path = "media/" + key;
				Path copy = work.resolve(path);
				String sha = BackupFiles.copy(in.get(), copy);
				files.add(new BackupManifest.FileEntry(path, Files.size(copy), sha));
			}
		}
		finally {
			closeQuietly(storage);
		}
	}

	static void closeQuietly(MediaStorage storage) {
		if (storage instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// nothing left to do with a client we are done with
			}
		}
	}

	/** Writes a backup under {@code parent} and returns its directory. */
	Path create(Path parent, Consumer<String> progress) throws IOException, SQLException {
		Instant started = clock.instant();
		Files.createDirectories(parent);
		String name = NAME.format(started);
		Path target = parent.resolve(name);
		for (int i = 2; Files.exists(target) || Files.exists(parent.resolve(target.getFileName() + PARTIAL)); i++) {
			target = parent.resolve(name + "-" + i);
		}
		Path work = parent.resolve(target.getFileName() + PARTIAL);
		Files.createDirectory(work);
		try {
			List<BackupManifest.FileEntry> files = new ArrayList<>();
			Databases.Snapshot snapshot;
			String database;
			progress.accept("database");
			if (properties.db().embedded()) {
				database = "sqlite";
				Path copy = work.resolve(BackupManifest.SQLITE_FILE);
				snapshot = Databases.backupSqlite(Databases.sqliteFile(properties), copy);
				files.add(new BackupManifest.FileEntry(BackupManifest.SQLITE_FILE, Files.size(copy),
						BackupFiles.sha256(copy)));
			}
			else {
				database = "postgresql";
				Path copy = work.resolve(BackupManifest.POSTGRES_FILE);
				snapshot = Databases.backupPostgres(properties.db(), copy);
				files.add(new BackupManifest.FileEntry(BackupManifest.POSTGRES_FILE, Files.size(copy),
						BackupFiles.sha256(copy)));
			}
			String mediaKind = media.storage();
			if ("local".equals(mediaKind)) {
				progress.accept("media");
				Path root = properties.dataDir().resolve("media");
				for (String relative : BackupFiles.filesUnder(root)) {
					String fileName = relative.substring(relative.lastIndexOf('/') + 1);
					if (fileName.startsWith(".upload")) {
						continue; // an upload being written, not yet under its key
					}
					String path = "media/" + relative;
					Path copy = work.resolve(path);
					try {
						String sha = BackupFiles.copy(root.resolve(relative), copy);
						files.add(new BackupManifest.FileEntry(path, Files.size(copy), sha));
					}
					catch (NoSuchFileException ex) {
						Files.deleteIfExists(copy); // deleted while we walked: its row is
													// gone from a later snapshot too
					}
				}
			}
			else {
				progress.accept("media");
				copyObjects(work, files);
			}
			progress.accept("verify");
			for (BackupManifest.FileEntry file : files) {
				if (!BackupFiles.sha256(work.resolve(file.path())).equals(file.sha256())) {
					throw new BackupException("backup.error.copyMismatch", file.path());
				}
			}
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, started.toString(),
					clock.instant().toString(), appVersion(), database, snapshot.schemaVersion(),
					Databases.ordered(snapshot.tables()), mediaKind, files, "ok");
			manifest.write(work);
			Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			try {
				BackupFiles.deleteTree(work);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

}
