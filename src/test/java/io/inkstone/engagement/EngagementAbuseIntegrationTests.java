package io.inkstone.engagement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address faking readers, as the attack that moved an article onto the home headlines
 * did: fresh cookies (or none, or made-up ones) for every request. Whatever it sends, it
 * adds at most the configured few reads, shares and likes to an article per hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementAbuseIntegrationTests {

	private static final int PER_ADDRESS = 5;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.counters.per-address-hourly", () -> PER_ADDRESS);
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	Engagement engagement;

	@Autowired
	Comments comments;

	@Autowired
	JdbcClient jdbc;

	long id;

	@BeforeEach
	void anArticle() throws IOException {
		String key = "abuse-" + System.nanoTime();
		String line = "{\"id\":\"" + key + "\",\"creator\":\"abuse\",\"channel\":\"qu\",\"title\":\"天净沙·秋思\","
				+ "\"body_markdown\":\"枯藤老树昏鸦，小桥流水人家，古道西风瘦马。\",\"published_at\":\"2024-01-01T08:00:00+08:00\"}\n";
		importer.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null);
		id = jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", "id:" + key)
			.query(Long.class)
			.single();
	}

	@Test
	void freshCookiesForEveryRequestAddOnlyAFewReadsSharesAndLikes() {
		for (int i = 0; i < 30; i++) {
			Browser reader = new Browser(port);
			assertThat(reader.page("/articles/" + id).status()).isEqualTo(200);
			reader.view(id);
			reader.post("/articles/" + id + "/share", Map.of("_csrf", reader.csrfToken()));
			HttpResponse<String> like = reader.post("/articles/" + id + "/like", Map.of("_csrf", reader.csrfToken()));
			assertThat(like.statusCode()).isIn(302, 429);
			if (like.statusCode() == 429) {
				assertThat(like.body()).doesNotContain("Exception");
			}
		}
		assertThat(engagement.counts(id).reads()).isEqualTo(PER_ADDRESS);
		assertThat(engagement.counts(id).shares()).isEqualTo(PER_ADDRESS);
		assertThat(comments.articleLikes(id)).isEqualTo(PER_ADDRESS);
		// behind the proxy (loopback is trusted), each real client has its own allowance
		for (int i = 1; i <= 3; i++) {
			Browser behindProxy = new Browser(port).header("X-Forwarded-For", "198.51.100." + i);
			behindProxy.view(id);
			assertThat(behindProxy.post("/articles/" + id + "/like", Map.of("_csrf", behindProxy.csrfToken()))
				.statusCode()).isEqualTo(302);
		}
		assertThat(engagement.counts(id).reads()).isEqualTo(PER_ADDRESS + 3);
		assertThat(comments.articleLikes(id)).isEqualTo(PER_ADDRESS + 3);
	}

	@Test
	void aReaderIdTheClientMadeUpIsReplacedByOneTheServerSigned() {
		Browser reader = new Browser(port);
		HttpResponse<String> forged = reader.get("/articles/" + id + "/view.gif", "Cookie", "ink_rid=0123456789abcdef");
		String minted = forged.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("ink_rid="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("a forged reader id must be replaced"));
		String value = minted.substring("ink_rid=".length(), minted.indexOf(';'));
		assertThat(value).doesNotStartWith("0123456789abcdef").matches("[0-9a-f]{16}\\.[A-Za-z0-9_-]{22}");
		// the signed id is kept: no new cookie; an altered signature is not
		HttpResponse<String> kept = new Browser(port).get("/articles/" + id + "/view.gif", "Cookie",
				"ink_rid=" + value);
		assertThat(kept.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("ink_rid="))).isTrue();
		String altered = value.substring(0, 15) + (value.charAt(15) == 'a' ? 'b' : 'a') + value.substring(16);
		HttpResponse<String> refused = new Browser(port).get("/articles/" + id + "/view.gif", "Cookie",
				"ink_rid=" + altered);
		assertThat(refused.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("ink_rid="))).isTrue();
	}

}
