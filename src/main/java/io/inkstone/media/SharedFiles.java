package io.inkstone.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.Resource;

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
	default Optional<InputStream> open(String name) {
		return open(name, 0);
	}

	/**
	 * The stored bytes from {@code offset} (0-based) to the end, streamed (a ranged read:
	 * the bytes before {@code offset} are not transferred); the caller closes the stream.
	 */
	Optional<InputStream> open(String name, long offset);

	/** The stored file's length in bytes; empty when there is no such file. */
	Optional<Long> size(String name);

	/**
	 * The stored file as a {@link Resource} to send in a response, empty when there is
	 * none. Unlike a stream it can be read more than once and from any position, each
	 * read a ranged request to the store opened only when the response is written, so
	 * Spring MVC can answer {@code Range} requests (a download resumed, or fetched in
	 * pieces) from it as from a file on disk.
	 */
	default Optional<Resource> resource(String name) {
		return size(name).map(length -> new SharedFileResource(this, name, length));
	}

	/** Idempotent: deleting a missing name is no error. */
	void delete(String name);

}
