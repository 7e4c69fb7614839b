package io.inkstone.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import java.nio.file.StandardCopyOption;

/**
 * {@code manifest.json}, written last into a backup: when and by which version it was
 * made, the database it holds (kind and Flyway schema version), the row count of every
 * table in the copied snapshot, and every file with its size and SHA-256.
 * {@code verified} is what the backup run checked before writing the manifest (each
 * copied file read back against its checksum, and SQLite's {@code PRAGMA integrity_check}
 * on the copy).
 *
 * @param media where the site kept its media: {@code local} (the data directory's files,
 * under {@code media/<xx>/<key>}) or {@code s3} (every object of the bucket, under
 * {@code media/<key>}); both are copied and checksummed alike
 */
record BackupManifest(int format, String createdAt, String finishedAt, String appVersion, String database,
		String schemaVersion, Map<String, Long> tables, String media, List<FileEntry> files, String verified) {

	static final String FILE = "manifest.json";

	static final int FORMAT = 1;

	/**
	 * The database copy: {@code database/inkstone.db} (SQLite) or
	 * {@code database/inkstone.dump} (pg_dump custom format).
	 */
	static final String SQLITE_FILE = "database/inkstone.db";

	static final String POSTGRES_FILE = "database/inkstone.dump";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	record FileEntry(String path, long size, String sha256) {
	}

	long rows(String table) {
		Long n = tables == null ? null : tables.get(table);
		return n == null ? 0 : n;
	}

	long totalBytes() {
		return files == null ? 0 : files.stream().mapToLong(FileEntry::size).sum();
	}

	boolean sqlite() {
		return "sqlite".equals(database);
	}

	void write(Path backup) throws IOException {
		Path temp = backup.resolve(FILE + ".tmp");
		Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
		Files.move(temp, backup.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The manifest of this backup, or null when it has none; a manifest that does not
	 * parse is an error.
	 */
	static BackupManifest read(Path backup) throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(backup.resolve(FILE));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		try {
			BackupManifest manifest = JSON.readValue(bytes, BackupManifest.class);
			if (manifest.format() != FORMAT || manifest.files() == null || manifest.database() == null) {
				throw new IOException("unsupported or incomplete manifest");
			}
			return manifest;
		}
		catch (JacksonException ex) {
			throw new IOException("unreadable manifest: " + ex.getOriginalMessage(), ex);
		}
	}

}
