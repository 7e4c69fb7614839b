package io.inkstone.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP password's box: AES-GCM under a key outside the database; another key reads
 * nothing (no exception); plain text from an earlier version reads as itself; the key
 * file is made once with mode 600; a cluster without a configured key does not start.
 */
class SecretBoxTests {

	static final String KEY = "a-configured-key-of-at-least-32-characters";

	@Test
	void encryptsSoTheStoredTextIsNotThePasswordAndReadsItBack() {
		SecretBox box = new SecretBox(KEY);
		String stored = box.encrypt("授权码-abc123");
		assertThat(stored).startsWith("enc:v1:").doesNotContain("abc123");
		assertThat(SecretBox.encrypted(stored)).isTrue();
		assertThat(box.decrypt(stored)).contains("授权码-abc123");
		assertThat(box.encrypt("授权码-abc123")).as("a fresh nonce each time").isNotEqualTo(stored);
	}

	@Test
	void anotherKeyOrADamagedValueReadsNothing() {
		String stored = new SecretBox(KEY).encrypt("secret");
		assertThat(new SecretBox("another-key-of-at-least-32-characters!!").decrypt(stored)).isEmpty();
		assertThat(new SecretBox(KEY).decrypt(stored.substring(0, stored.length() - 4) + "AAAA")).isEmpty();
		assertThat(new SecretBox(KEY).decrypt("enc:v1:%%%")).isEmpty();
		assertThat(new SecretBox(KEY).decrypt("enc:v1:")).isEmpty();
	}

	@Test
	void aValueWithoutThePrefixIsPlainTextFromBefore() {
		assertThat(SecretBox.encrypted("plain-password")).isFalse();
		assertThat(new SecretBox(KEY).decrypt("plain-password")).contains("plain-password");
	}

	@Test
	void aSingleNodeMakesItsKeyFileOnceWithModeSixHundred(@TempDir Path dataDir) throws IOException {
		String first = SecretBox.keyOf(null, false, dataDir);
		Path file = dataDir.resolve(SecretBox.KEY_FILE);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(SecretBox.keyOf("", false, dataDir)).isEqualTo(first);
		assertThat(first.length()).isGreaterThanOrEqualTo(32);
		// a configured key wins over the file
		assertThat(SecretBox.keyOf(KEY, false, dataDir)).isEqualTo(KEY);
	}

	@Test
	void aClusterWithoutAKeyDoesNotStartAndSaysWhatToSet(@TempDir Path dataDir) {
		assertThatThrownBy(() -> SecretBox.keyOf(null, true, dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("INKSTONE_SECRETS_KEY")
			.hasMessageContaining("Cluster mode");
		assertThat(dataDir.resolve(SecretBox.KEY_FILE)).doesNotExist();
		assertThatThrownBy(() -> SecretBox.keyOf("short", true, dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32");
		assertThat(SecretBox.keyOf(KEY, true, dataDir)).isEqualTo(KEY);
	}

}
