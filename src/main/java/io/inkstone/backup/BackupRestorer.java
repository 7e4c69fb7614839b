package io.inkstone.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.inkstone.media.MediaProperties;
import io.inkstone.media.MediaStorage;
import io.inkstone.shared.SecretBox;
import io.inkstone.shared.InkstoneProperties;

/**
 * Restores a backup into this configuration's data directory (and PostgreSQL database).
 * Everything is checked before anything is written: the manifest, every file's size and
 * SHA-256 (a tampered, truncated or missing file refuses the whole backup), the kind of
 * database, that the target is empty (or {@code force}), and that no server holds the
 * data directory. The search index directory is removed, so the next start rebuilds it
 * from the restored database. Media files go back into the storage this configuration
 * uses, whichever storage the backed-up site used: the local data directory or the S3
 * bucket.
 */
final class BackupRestorer {

	private final InkstoneProperties properties;

	private final MediaProperties media;

	BackupRestorer(InkstoneProperties properties, MediaProperties media) {
		this.properties = properties;
		this.media = media;
	}

	/**
	 * The storage key of a media file in a backup: {@code media/<xx>/<key>} (a local
	 * site's layout) or {@code media/<key>} (a bucket's); null for anything else.
	 */
	static String mediaKey(String path) {
		String relative = path.substring("media/".length());
		if (relative.length() > 3 && relative.charAt(2) == '/' && MediaStorage.isKey(relative.substring(3))
				&& relative.startsWith(relative.substring(3, 5))) {
			return relative.substring(3);
		}
		return MediaStorage.isKey(relative) ? relative : null;
	}

	/**
	 * Reads the manifest and checks every file it lists; throws a {@link BackupException}
	 * naming the first problem.
	 */
	static BackupManifest verify(Path backup) throws IOException {
		if (!Files.isDirectory(backup)) {
			throw new BackupException("backup.error.notBackup", backup);
		}
		BackupManifest manifest;
		try {
			manifest = BackupManifest.read(backup);
		}
		catch (IOException ex) {
			throw new BackupException("backup.error.badManifest", backup.resolve(BackupManifest.FILE), ex.getMessage());
		}
		if (manifest == null) {
			throw new BackupException("backup.error.noManifest", backup.resolve(BackupManifest.FILE));
		}
		String database = manifest.sqlite() ? BackupManifest.SQLITE_FILE : BackupManifest.POSTGRES_FILE;
		Set<String> seen = new HashSet<>();
		for (BackupManifest.FileEntry file : manifest.files()) {
			Path path;
			try {
				path = BackupFiles.inside(backup.toAbsolutePath(), file.path());
			}
			catch (IOException ex) {
				throw new BackupException("backup.error.badManifest", backup.resolve(BackupManifest.FILE),
						ex.getMessage());
			}
			if (!seen.add(file.path())) {
				throw new BackupException("backup.error.badManifest", backup.resolve(BackupManifest.FILE),
						"duplicate " + file.path());
			}
			if (!Files.isRegularFile(path)) {
				throw new BackupException("backup.error.missingFile", file.path());
			}
			if (Files.size(path) != file.size() || !BackupFiles.sha256(path).equals(file.sha256())) {
				throw new BackupException("backup.error.checksum", file.path());
			}
		}
		if (!seen.contains(database)) {
			throw new BackupException("backup.error.missingFile", database);
		}
		return manifest;
	}

	/**
	 * What a restore did: the backup's manifest and the row counts now in the restored
	 * database.
	 */
	record Restored(BackupManifest manifest, Map<String, Long> tables, int mediaFiles) {
	}

	Restored restore(Path backup, boolean force, Consumer<String> progress) throws IOException, SQLException {
		progress.accept("verify");
		BackupManifest manifest = verify(backup);
		boolean embedded = properties.db().embedded();
		if (manifest.sqlite() != embedded) {
			throw new BackupException("backup.error.kindMismatch", manifest.database(),
					embedded ? "sqlite" : "postgresql");
		}
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Path backupDir = backup.toAbsolutePath().normalize();
		if (backupDir.startsWith(dataDir.resolve("media")) || backupDir.startsWith(dataDir.resolve("index"))
				|| (embedded && dataDir.startsWith(backupDir))) {
			throw new BackupException("backup.error.overlap", backupDir, dataDir);
		}
		requireNotServed(dataDir);
		if (!force) {
			requireEmpty(dataDir, embedded);
		}
		Files.createDirectories(dataDir);
		progress.accept("database");
		Map<String, Long> restored;
		if (embedded) {
			Path db = Databases.sqliteFile(properties);
			for (String suffix : new String[] { "", "-wal", "-shm", "-journal" }) {
				Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
			}
			Path temp = db.resolveSibling(db.getFileName() + ".restoring");
			Files.deleteIfExists(temp);
			Files.copy(backupDir.resolve(BackupManifest.SQLITE_FILE), temp);
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(temp, db, StandardCopyOption.ATOMIC_MOVE);
			restored = Databases.describeSqlite(db).tables();
		}
		else {
			restored = Databases
				.restorePostgres(properties.db(), backupDir.resolve(BackupManifest.POSTGRES_FILE), force)
				.tables();
		}
		progress.accept("media");
		int media = restoreMedia(backupDir, dataDir, manifest);
		// no index comes with a backup: an index left here would describe another
		// database
		BackupFiles.deleteTree(dataDir.resolve("index"));
		for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
			Long now = restored.get(table.getKey());
			if (!table.getValue().equals(now)) {
				throw new BackupException("backup.error.countsDiffer", table.getKey(), table.getValue(),
						now == null ? 0 : now);
			}
		}
		return new Restored(manifest, restored, media);
	}

	/**
	 * Puts the media files back into the storage this site is configured with: the data
	 * directory's {@code media/} (replaced as a whole) or the S3 bucket
	 * (content-addressed keys make an overwrite of an object already there harmless).
	 */
	private int restoreMedia(Path backupDir, Path dataDir, BackupManifest manifest) throws IOException {
		List<BackupManifest.FileEntry> files = manifest.files()
			.stream()
			.filter(f -> f.path().startsWith("media/"))
			.toList();
		if (files.isEmpty()) {
			return 0;
		}
		int count = 0;
		if ("local".equals(media.storage())) {
			Path mediaRoot = dataDir.resolve("media");
			BackupFiles.deleteTree(mediaRoot);
			for (BackupManifest.FileEntry file : files) {
				String key = mediaKey(file.path());
				String relative = key == null ? file.path().substring("media/".length())
						: key.substring(0, 2) + "/" + key;
				Path target = BackupFiles.inside(mediaRoot, relative);
				Files.createDirectories(target.getParent());
				Files.copy(backupDir.resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING);
				count++;
			}
			return count;
		}
		MediaStorage storage = MediaStorage.of(media, dataDir);
		try {
			for (BackupManifest.FileEntry file : files) {
				String key = mediaKey(file.path());
				if (key != null) {
					storage.putFile(key, backupDir.resolve(file.path()));
					count++;
				}
			}
		}
		finally {
			BackupWriter.closeQuietly(storage);
		}
		return count;
	}

	private void requireEmpty(Path dataDir, boolean embedded) throws IOException, SQLException {
		if (embedded) {
			if (Files.isDirectory(dataDir)) {
				try (Stream<Path> entries = Files.list(dataDir)) {
					// the secrets key may be put in first, so the restored site reads the
					// SMTP password it encrypted (the archive never holds the key)
					if (entries.anyMatch(p -> !p.getFileName().toString().equals(SecretBox.KEY_FILE))) {
						throw new BackupException("backup.error.notEmpty", dataDir);
					}
				}
			}
			else if (Files.exists(dataDir)) {
				throw new BackupException("backup.error.notEmpty", dataDir);
			}
			return;
		}
		if (!Databases.postgresEmpty(properties.db())) {
			throw new BackupException("backup.error.databaseNotEmpty");
		}
		if (!BackupFiles.filesUnder(dataDir.resolve("media")).isEmpty()) {
			throw new BackupException("backup.error.notEmpty", dataDir.resolve("media"));
		}
	}

	/**
	 * A running server holds the search index's write lock (Lucene's native lock on
	 * {@code index/write.lock}).
	 */
	private static void requireNotServed(Path dataDir) throws IOException {
		Path lock = dataDir.resolve("index").resolve("write.lock");
		if (!Files.isRegularFile(lock)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
			FileLock held = channel.tryLock();
			if (held == null) {
				throw new BackupException("backup.error.running", dataDir);
			}
			held.release();
		}
		catch (OverlappingFileLockException ex) {
			throw new BackupException("backup.error.running", dataDir);
		}
	}

}
