package io.inkstone.media;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.inkstone.support.S3Server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 implementation of the port against an S3 API server (the fake S3 on loopback,
 * signatures checked).
 */
class S3MediaStorageTests {

	static S3Server server;

	static S3MediaStorage storage;

	@BeforeAll
	static void start() {
		server = new S3Server();
		server.createBucket("media");
		storage = new S3MediaStorage(new MediaProperties.S3(server.endpoint(), "us-east-1", "media",
				S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true));
	}

	@AfterAll
	static void stop() throws Exception {
		storage.close();
		server.close();
	}

	static final String KEY = "a".repeat(64) + "/960.jpg";

	@Test
	void putGetDelete() {
		byte[] bytes = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
		storage.put(KEY, bytes, "image/jpeg");
		assertThat(server.objectCount("media")).isEqualTo(1);

		MediaStorage.Blob blob = storage.get(KEY).orElseThrow();
		assertThat(blob.bytes()).isEqualTo(bytes);
		assertThat(blob.contentType()).isEqualTo("image/jpeg");

		storage.delete(KEY);
		assertThat(storage.get(KEY)).isEmpty();
		assertThat(server.objectCount("media")).isZero();
	}

	@Test
	void wrongCredentialsAreRefusedByTheServer() {
		try (S3MediaStorage intruder = new S3MediaStorage(new MediaProperties.S3(server.endpoint(), "us-east-1",
				"media", S3Server.ACCESS_KEY, "wrong-secret", true))) {
			assertThatThrownBy(() -> intruder.put(KEY, new byte[] { 1 }, "image/jpeg")).isInstanceOf(S3Exception.class);
		}
	}

	@Test
	void keysThatAreNotContentAddressedAreRefused() {
		assertThatThrownBy(() -> storage.put("../../etc/passwd", new byte[] { 1 }, "image/jpeg"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void listsEveryMediaKeyPageByPageAndNothingElse() throws Exception {
		server.createBucket("listing");
		try (S3MediaStorage listing = new S3MediaStorage(new MediaProperties.S3(server.endpoint(), "us-east-1",
				"listing", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true))) {
			listing.pageSize(2);
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String key = Integer.toHexString(i).repeat(64) + "/full.png";
				listing.put(key, new byte[] { (byte) i }, "image/png");
				keys.add(key);
			}
			Path zip = Files.createTempFile("export", ".zip");
			Files.write(zip, new byte[] { 'P', 'K' });
			SharedFiles shared = new S3SharedFiles(listing);
			shared.put("exports/7.zip", zip, "application/zip");
			assertThat(listing.keys()).containsExactlyElementsOf(keys);
			try (InputStream in = shared.open("exports/7.zip").orElseThrow()) {
				assertThat(in.readAllBytes()).containsExactly('P', 'K');
			}
			try (InputStream in = listing.open(keys.get(3)).orElseThrow()) {
				assertThat(in.readAllBytes()).containsExactly(3);
			}
			shared.delete("exports/7.zip");
			shared.delete("exports/7.zip"); // idempotent
			assertThat(shared.open("exports/7.zip")).isEmpty();
			assertThatThrownBy(() -> shared.put(keys.get(0), zip, "application/zip"))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	/**
	 * A shared file as a response body: re-readable, read from any position by a ranged
	 * request (a resumed download), its length from a HEAD; a missing one is empty.
	 */
	@Test
	void aSharedFileIsReadFromAnyPositionAndMoreThanOnce() throws Exception {
		server.createBucket("ranges");
		try (S3MediaStorage bucket = new S3MediaStorage(new MediaProperties.S3(server.endpoint(), "us-east-1", "ranges",
				S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true))) {
			byte[] bytes = new byte[70_000];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) (i * 31 + i / 256);
			}
			Path zip = Files.createTempFile("export", ".zip");
			Files.write(zip, bytes);
			SharedFiles shared = new S3SharedFiles(bucket);
			shared.put("exports/8.zip", zip, "application/zip");
			assertThat(shared.size("exports/8.zip")).contains((long) bytes.length);
			try (InputStream in = shared.open("exports/8.zip", 65_000).orElseThrow()) {
				assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 65_000, bytes.length));
			}
			Resource resource = shared.resource("exports/8.zip").orElseThrow();
			assertThat(resource.contentLength()).isEqualTo(bytes.length);
			for (int start : new int[] { 0, 1, 40_000, 69_999, 70_000 }) {
				try (InputStream in = resource.getInputStream()) {
					assertThat(in.skip(start)).isEqualTo(start);
					assertThat(in.readNBytes(10))
						.isEqualTo(Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + 10)));
				}
			}
			try (InputStream in = resource.getInputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(bytes);
			}
			assertThat(shared.size("exports/9.zip")).isEmpty();
			assertThat(shared.resource("exports/9.zip")).isEmpty();
			assertThat(shared.open("exports/9.zip", 5)).isEmpty();
		}
	}

}
