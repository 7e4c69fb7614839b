package io.inkstone.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link SharedFiles} in the media bucket, beside (never among) the media keys. */
class S3SharedFiles implements SharedFiles {

	private static final Pattern NAME = Pattern.compile("[a-z]+/[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");

	private final S3MediaStorage storage;

	S3SharedFiles(S3MediaStorage storage) {
		this.storage = storage;
	}

	private static String valid(String name) {
		if (name == null || !NAME.matcher(name).matches() || MediaKeys.valid(name)) {
			throw new IllegalArgumentException("not a shared file name: " + name);
		}
		return name;
	}

	@Override
	public void put(String name, Path file, String contentType) {
		storage.putObject(valid(name), file, contentType, "private, no-store");
	}

	@Override
	public Optional<InputStream> open(String name, long offset) {
		return storage.openObject(valid(name), offset);
	}

	@Override
	public Optional<Long> size(String name) {
		return storage.objectSize(valid(name));
	}

	@Override
	public void delete(String name) {
		storage.deleteObject(valid(name));
	}

}
