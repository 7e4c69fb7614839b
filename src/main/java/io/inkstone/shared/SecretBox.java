package io.inkstone.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets Inkstone keeps in its database (the SMTP password) with AES-GCM
 * under a key that is in neither the database nor a backup archive: the
 * {@code inkstone.secrets.key} property (environment {@code INKSTONE_SECRETS_KEY}), else,
 * on a single node, a random key generated once in {@code <data-dir>/secrets.key} (mode
 * 600). Cluster mode refuses to start without the property, as every node must read what
 * another wrote. A stored value is {@code enc:v1:} and the Base64 of a random 12-byte
 * nonce and the ciphertext with its tag; a value without the prefix is plain text from an
 * earlier version.
 */
@Component
public class SecretBox {

	/** The key file's name in the data directory; the backup leaves it out. */
	public static final String KEY_FILE = "secrets.key";

	static final String PREFIX = "enc:v1:";

	static final int MIN_KEY_LENGTH = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	@Autowired
	SecretBox(SecretsProperties properties, InkstoneProperties inkstone) {
		this(keyOf(properties, inkstone));
	}

	/** A box with the key derived from this text (tests, and another key's box). */
	public SecretBox(String keyText) {
		this.key = new SecretKeySpec(sha256(keyText), "AES");
	}

	private static String keyOf(SecretsProperties properties, InkstoneProperties inkstone) {
		return keyOf(properties == null ? null : properties.key(), inkstone.cluster(), inkstone.dataDir());
	}

	/**
	 * The key text: the configured one (at least {@link #MIN_KEY_LENGTH} characters),
	 * else, on a single node, the key file's; a cluster without a configured key does not
	 * start.
	 */
	static String keyOf(String configured, boolean cluster, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < MIN_KEY_LENGTH) {
				throw new IllegalStateException("inkstone.secrets.key (INKSTONE_SECRETS_KEY) must have at least "
						+ MIN_KEY_LENGTH + " characters, e.g. the output of: openssl rand -base64 32");
			}
			return configured.strip();
		}
		if (cluster) {
			throw new IllegalStateException("Cluster mode needs inkstone.secrets.key (INKSTONE_SECRETS_KEY), the same "
					+ "on every node, to encrypt the secrets stored in the database (the SMTP password); "
					+ "generate one with: openssl rand -base64 32");
		}
		return keyFile(dataDir.resolve(KEY_FILE));
	}

	/** The key in the file, generated (random, mode 600) when there is none. */
	static String keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] bytes = new byte[32];
				new SecureRandom().nextBytes(bytes);
				String generated = Base64.getEncoder().encodeToString(bytes);
				try {
					Files.createFile(file);
				}
				catch (FileAlreadyExistsException ex) {
					return Files.readString(file, StandardCharsets.UTF_8).strip();
				}
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system (Windows): the directory's permissions
					// apply
				}
				Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
				return generated;
			}
			String text = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (text.length() < MIN_KEY_LENGTH) {
				throw new IllegalStateException("The secrets key file " + file + " is empty or too short; delete it "
						+ "to generate a new one (the SMTP password must then be entered again)");
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the secrets key file " + file, ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a stored value is encrypted (else it is plain text from before). */
	public static boolean encrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	public String encrypt(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The plain text of a stored value: a value without the prefix is plain already;
	 * empty when it was encrypted under another key (a backup restored on another
	 * machine) or is damaged.
	 */
	public Optional<String> decrypt(String stored) {
		if (!encrypted(stored)) {
			return Optional.ofNullable(stored);
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			if (in.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			return Optional
				.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

}
