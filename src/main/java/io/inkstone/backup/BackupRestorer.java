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
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.inkstone.shared.InkstoneProperties;

/**
 * Restores a backup into this configuration's data directory (and PostgreSQL database).
 * Everything is checked before anything is written: the manifest, every file's size and
 * SHA-256 (a tampered, truncated or missing file refuses the whole backup), the kind of
 * database, that the target is empty (or {@code force}), and that no server holds the
 * data directory. The search index directory is removed, so the next start rebuilds it
 * from the restored database.
 */
final class BackupRestorer {

	private final InkstoneProperties properties;

	BackupRestorer(InkstoneProperties properties) {
		this.properties = properties;
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
		Path mediaRoot = dataDir.resolve("media");
		int media = 0;
		if (manifest.files().stream().anyMatch(f -> f.path().startsWith("media/"))) {
			BackupFiles.deleteTree(mediaRoot);
			for (BackupManifest.FileEntry file : manifest.files()) {
				if (file.path().startsWith("media/")) {
					Path target = BackupFiles.inside(mediaRoot, file.path().substring("media/".length()));
					Files.createDirectories(target.getParent());
					Files.copy(backupDir.resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING);
					media++;
				}
			}
		}
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

	private void requireEmpty(Path dataDir, boolean embedded) throws IOException, SQLException {
		if (embedded) {
			if (Files.isDirectory(dataDir)) {
				try (Stream<Path> entries = Files.list(dataDir)) {
					if (entries.findAny().isPresent()) {
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
