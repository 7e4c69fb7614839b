package io.inkstone.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files every node of a cluster must reach (a creator's export zip built on one node and
 * downloaded from another), kept in the media bucket under their own prefix
 * ({@code exports/…}, never a content-addressed media key). Only in cluster mode
 * ({@code inkstone.media.storage=s3}); a single node keeps such files on its disk. Names
 * are {@code <prefix>/<file>} of letters, digits, dots, dashes and underscores.
 */
public interface SharedFiles {

	/** Streams the file into the store under {@code name}, replacing any. */
	void put(String name, Path file, String contentType);

	/** The stored bytes, streamed; the caller closes the stream. */
	Optional<InputStream> open(String name);

	/** Idempotent: deleting a missing name is no error. */
	void delete(String name);

}
