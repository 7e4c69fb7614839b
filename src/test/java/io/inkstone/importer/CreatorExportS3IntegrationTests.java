package io.inkstone.importer;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.S3Server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The creator export with media in an S3 bucket (cluster mode's storage): the whole
 * contract, and the finished zip lives in the bucket ({@code exports/<id>.zip}), not on
 * the disk of the node that built it, so any node sharing the database and the bucket
 * serves the download; the hourly clean-up deletes it when it expires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreatorExportS3IntegrationTests extends CreatorExportContract {

	static final String BUCKET = "inkstone-media";

	static final S3Server S3 = new S3Server();

	static {
		S3.createBucket(BUCKET);
	}

	@AfterAll
	static void stopS3() throws Exception {
		S3.close();
	}

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.media.storage", () -> "s3");
		registry.add("inkstone.media.s3.endpoint", S3::endpoint);
		registry.add("inkstone.media.s3.bucket", () -> BUCKET);
		registry.add("inkstone.media.s3.access-key", () -> S3Server.ACCESS_KEY);
		registry.add("inkstone.media.s3.secret-key", () -> S3Server.SECRET_KEY);
	}

	@Test
	void theZipIsServedFromTheBucketOnAnyNodeAndDeletedWhenItExpires() {
		String handle = "node" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		HttpResponse<String> started = creator.post("/studio/export", Map.of("_csrf", creator.csrfToken()));
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> creator.get("/studio/export/" + id + "/status").body().contains("\"state\":\"done\""));

		// in the bucket, not on this node's disk: another node has the same view
		String key = CreatorExports.sharedName(id);
		assertThat(key).isEqualTo("exports/" + id + ".zip");
		assertThat(S3.exists(BUCKET, key)).isTrue();
		assertThat(Files.exists(exports.zip(id))).isFalse();

		HttpResponse<byte[]> download = creator.getBytes("/studio/export/" + id + "/download");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		assertThat(download.body()).startsWith('P', 'K');
		long bytes = jdbc.sql("SELECT bytes FROM creator_exports WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(download.body()).hasSize((int) bytes);

		// expired: the hourly clean-up deletes the object (idempotent on a second run)
		jdbc.sql("UPDATE creator_exports SET expires_at = :past WHERE id = :id")
			.param("past", System.currentTimeMillis() - 1000)
			.param("id", id)
			.update();
		exports.cleanUp();
		exports.cleanUp();
		assertThat(S3.exists(BUCKET, key)).isFalse();
		assertThat(jdbc.sql("SELECT state FROM creator_exports WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("expired");
		assertThat(creator.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);

		// a done export whose zip is in neither place is a clear 404, never a 500
		long now = System.currentTimeMillis();
		long lost = export(creators.get(handle).id(), "done", now, now + 86_400_000L);
		assertThat(creator.getBytes("/studio/export/" + lost + "/download").statusCode()).isEqualTo(404);
	}

}
