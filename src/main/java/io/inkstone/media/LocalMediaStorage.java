package io.inkstone.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Media on local disk under {@code <data-dir>/media}, fanned out by the first two hex
 * digits. Writes go to a temporary file first and are moved into place, so a crash never
 * leaves a half-written image under its key.
 */
class LocalMediaStorage implements MediaStorage {

	private final Path root;

	LocalMediaStorage(Path root) {
		this.root = root;
	}

	private Path pathOf(String key) {
		MediaKeys.requireValid(key);
		return root.resolve(key.substring(0, 2)).resolve(key);
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		Path target = pathOf(key);
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
			try {
				Files.write(temp, bytes);
				try {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<Blob> get(String key) {
		try {
			return Optional.of(new Blob(Files.readAllBytes(pathOf(key)), MediaKeys.contentType(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long size(String key) {
		try {
			return Files.size(pathOf(key));
		}
		catch (NoSuchFileException ex) {
			return -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<String> keys() {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
				.filter(p -> p.length() > 3 && p.charAt(2) == '/' && MediaKeys.valid(p.substring(3))
						&& p.startsWith(p.substring(3, 5)))
				.map(p -> p.substring(3))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		try {
			return Optional.of(Files.newInputStream(pathOf(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
