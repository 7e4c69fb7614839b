package io.inkstone.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

/** Copying with a checksum, hashing, and the directory walks backup and restore share. */
final class BackupFiles {

	private BackupFiles() {
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Copies {@code from} to {@code to} (which must not exist) and returns the SHA-256 of
	 * the bytes copied.
	 */
	static String copy(Path from, Path to) throws IOException {
		Files.createDirectories(to.getParent());
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest);
				OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
			in.transferTo(out);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Copies the stream (which it closes) to {@code to} (which must not exist) and
	 * returns the SHA-256 of the bytes copied.
	 */
	static String copy(InputStream from, Path to) throws IOException {
		Files.createDirectories(to.getParent());
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(from, digest);
				OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
			in.transferTo(out);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Regular files under {@code root}, relative and with forward slashes, sorted; none
	 * when it does not exist.
	 */
	static List<String> filesUnder(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
				.sorted()
				.toList();
		}
	}

	/**
	 * Bytes under {@code dir}; a directory renamed or removed while it is walked (a
	 * backup finishing) counts 0.
	 */
	static long size(Path dir) {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	/**
	 * A manifest path is relative, normalized and stays inside the backup: a hostile
	 * manifest cannot reach out.
	 */
	static Path inside(Path root, String relative) throws IOException {
		if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
			throw new IOException("invalid path in manifest: " + relative);
		}
		Path resolved = root.resolve(relative).normalize();
		if (!resolved.startsWith(root.normalize()) || resolved.equals(root.normalize())) {
			throw new IOException("invalid path in manifest: " + relative);
		}
		return resolved;
	}

}
