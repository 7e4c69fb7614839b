package io.inkstone.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where image bytes live. Keys are content-addressed ({@code <sha256>/<variant>.<ext>}),
 * so a put of an existing key is a harmless overwrite with the same bytes and every node
 * can serve any key.
 */
public interface MediaStorage {

	void put(String key, byte[] bytes, String contentType);

	Optional<Blob> get(String key);

	void delete(String key);

	/**
	 * Every media key held, sorted; anything else in the storage (a temporary upload, an
	 * export zip) is not listed. Backups copy these.
	 */
	List<String> keys();

	/** The object's bytes as a stream, for copies that should not hold it in memory. */
	Optional<InputStream> open(String key);

	/** Stores the file's bytes under {@code key} (a restore). */
	default void putFile(String key, Path file) {
		try {
			put(key, Files.readAllBytes(file), MediaKeys.contentType(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The stored object's size in bytes, -1 when there is none (a feed enclosure's
	 * {@code length}).
	 */
	default long size(String key) {
		return get(key).map(blob -> (long) blob.bytes().length).orElse(-1L);
	}

	/** Whether {@code key} is a content-addressed media key. */
	static boolean isKey(String key) {
		return MediaKeys.valid(key);
	}

	/**
	 * The storage {@code inkstone.media.storage} chooses: local disk under
	 * {@code <data-dir>/media} or the S3 bucket; the caller closes it when it is
	 * {@link AutoCloseable}.
	 */
	static MediaStorage of(MediaProperties media, Path dataDir) {
		return switch (media.storage()) {
			case "local" -> new LocalMediaStorage(dataDir.resolve("media"));
			case "s3" -> new S3MediaStorage(media.s3());
			default ->
				throw new IllegalStateException("inkstone.media.storage must be local or s3, not " + media.storage());
		};
	}

	record Blob(byte[] bytes, String contentType) {
	}

}
