package io.inkstone.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

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
import org.jsoup.Jsoup;

/**
 * Every limit that keys on a client holds per client behind the documented reverse proxy
 * (requests arrive from loopback with {@code X-Forwarded-For}): one abusive client is
 * stopped, and a different client behind the same proxy is not. The sign-in limit per
 * address, the sign-up limit and the counters have their own tests
 * ({@code CreatorJourneyContract}, {@code SignupLimitIntegrationTests},
 * {@code EngagementAbuseIntegrationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbuseLimitsBehindProxyIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	long articleId;

	@BeforeEach
	void anArticle() throws IOException {
		String key = "limits-" + System.nanoTime();
		String line = "{\"id\":\"" + key + "\",\"creator\":\"limits\",\"channel\":\"qu\",\"title\":\"天净沙·秋思\","
				+ "\"body_markdown\":\"枯藤老树昏鸦，小桥流水人家，古道西风瘦马。\",\"published_at\":\"2024-01-01T08:00:00+08:00\"}\n";
		importer.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null);
		articleId = jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", "id:" + key)
			.query(Long.class)
			.single();
	}

	private Browser client(String address) {
		return new Browser(port).header("X-Forwarded-For", address);
	}

	private HttpResponse<String> report(Browser reader) {
		reader.page("/report?type=article&id=" + articleId);
		return reader.post("/report", Map.of("_csrf", reader.csrfToken(), "type", "article", "id",
				Long.toString(articleId), "reason", "other", "detail", "测试举报"));
	}

	@Test
	void anonymousReportsAreLimitedPerClientAddressWhateverCookiesItSends() {
		long before = jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single();
		int filed = 0;
		HttpResponse<String> last = null;
		// a fresh browser (new reader cookie) for every report: only the address can hold
		// the limit
		for (int i = 0; i < 30; i++) {
			last = report(client("203.0.113.41"));
			if (last.statusCode() == 429) {
				break;
			}
			assertThat(last.statusCode()).isEqualTo(302);
			filed++;
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.body()).doesNotContain("Exception");
		assertThat(filed).isEqualTo(20); // 4 × the per-reader allowance of 5 an hour
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single()).isEqualTo(before + filed);
		// another reader behind the same proxy still reports
		assertThat(report(client("198.51.100.42")).statusCode()).isEqualTo(302);
	}

	private Browser signedUp(String address) {
		Browser reader = client(address);
		reader.page("/signup");
		HttpResponse<String> signedUp = reader.post("/signup", Map.of("_csrf", reader.csrfToken(), "email",
				"limits-" + UUID.randomUUID() + "@inkstone.test", "password", "correct-horse-1", "displayName", "读者"));
		assertThat(signedUp.statusCode()).isEqualTo(302);
		return reader;
	}

	private int comment(Browser reader, String text) {
		reader.page("/articles/" + articleId);
		return reader.post("/articles/" + articleId + "/comments", Map.of("_csrf", reader.csrfToken(), "text", text))
			.statusCode();
	}

	@Test
	void commentsAreLimitedPerAccountNotPerProxy() {
		Browser flooder = signedUp("203.0.113.51");
		for (int i = 0; i < 5; i++) {
			assertThat(comment(flooder, "刷屏" + i)).isEqualTo(302);
		}
		assertThat(comment(flooder, "刷屏 5")).isEqualTo(429);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE body = '刷屏 5'").query(Long.class).single()).isZero();
		// someone else, arriving through the same proxy, comments as usual
		assertThat(comment(signedUp("198.51.100.52"), "正常评论")).isEqualTo(302);
	}

	private int signIn(String address, String email, String password) {
		Browser b = client(address);
		b.page("/login");
		return b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password)).statusCode();
	}

	@Test
	void guessingOnePasswordFromManyAddressesLocksThatAccountOnly() {
		String victim = "victim-" + UUID.randomUUID() + "@inkstone.test";
		Browser owner = client("198.51.100.60");
		owner.page("/signup");
		owner.post("/signup", Map.of("_csrf", owner.csrfToken(), "email", victim, "password", "correct-horse-1",
				"displayName", "受害者"));
		// a botnet: every guess from another address, so only the per-account limit can
		// stop it
		int status = 0;
		for (int i = 0; i < 10; i++) {
			status = signIn("203.0.113." + (100 + i), victim, "guess-" + i);
			assertThat(status).isNotEqualTo(429);
		}
		assertThat(signIn("203.0.113.120", victim, "guess-10")).isEqualTo(429);
		// other accounts sign in as usual through the same proxy
		String other = "other-" + UUID.randomUUID() + "@inkstone.test";
		Browser someone = client("198.51.100.61");
		someone.page("/signup");
		someone.post("/signup", Map.of("_csrf", someone.csrfToken(), "email", other, "password", "correct-horse-1",
				"displayName", "别人"));
		assertThat(signIn("198.51.100.62", other, "correct-horse-1")).isEqualTo(302);
	}

	@Test
	void signInsFromOneIpv6SlashSixtyFourShareThePerAddressLimit() {
		// 30 attempts a 10 minutes per address; every attempt from another address of one
		// /64, at another account
		int status = 0;
		for (int i = 0; i < 30; i++) {
			status = signIn("2001:db8:60:1::" + Integer.toHexString(i + 1),
					"nobody-" + i + "-" + UUID.randomUUID() + "@inkstone.test", "guess-" + i);
			assertThat(status).isNotEqualTo(429);
		}
		assertThat(signIn("2001:db8:60:1:abcd::1", "nobody-last@inkstone.test", "guess")).isEqualTo(429);
		// the next /64 is someone else
		assertThat(signIn("2001:db8:60:2::1", "nobody-other@inkstone.test", "guess")).isNotEqualTo(429);
	}

	private HttpResponse<String> signIn(Browser b, String email, String password) {
		return b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password));
	}

	private static boolean signedIn(HttpResponse<String> answer) {
		return answer.statusCode() == 302 && !answer.headers().firstValue("Location").orElse("").contains("error");
	}

	private String account(String address, String name) {
		String email = name + "-" + UUID.randomUUID() + "@inkstone.test";
		Browser b = client(address);
		b.page("/signup");
		assertThat(b
			.post("/signup",
					Map.of("_csrf", b.csrfToken(), "email", email, "password", "correct-horse-1", "displayName", name))
			.statusCode()).isEqualTo(302);
		return email;
	}

	@Test
	void aLockedAccountStillLetsItsOwnerInFromABrowserThatSignedInBefore() {
		String victim = account("198.51.100.80", "owner");
		// the owner's usual browser signed in before the attack: it holds a device cookie
		Browser usual = client("198.51.100.81");
		assertThat(signedIn(signIn(usual, victim, "correct-horse-1"))).isTrue();
		String deviceCookie = usual.cookie("inkstone_device");
		assertThat(deviceCookie).isNotNull();
		usual.post("/logout", Map.of("_csrf", usual.csrfToken()));
		// another account's browser, and a forged cookie
		String other = account("198.51.100.82", "other");
		Browser othersBrowser = client("198.51.100.83");
		assertThat(signedIn(signIn(othersBrowser, other, "correct-horse-1"))).isTrue();
		othersBrowser.post("/logout", Map.of("_csrf", othersBrowser.csrfToken()));
		// a botnet locks the account: one guess from each address (the owner's sign-in
		// above used one allowance)
		for (int i = 0; i < 9; i++) {
			assertThat(signIn("203.0.113." + (140 + i), victim, "guess-" + i)).isNotEqualTo(429);
		}
		Browser fresh = client("203.0.113.160");
		fresh.page("/login");
		HttpResponse<String> locked = signIn(fresh, victim, "correct-horse-1");
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(Jsoup.parse(locked.body()).select("[data-testid=error]").text()).contains("以前登录过的浏览器")
			.contains("重设密码");
		// the owner's usual browser, from yet another address, still signs in
		assertThat(signedIn(signIn(usual.header("X-Forwarded-For", "198.51.100.85"), victim, "correct-horse-1")))
			.isTrue();
		// neither another account's device cookie nor a forged one gets past the lock
		assertThat(signIn(othersBrowser.header("X-Forwarded-For", "203.0.113.161"), victim, "correct-horse-1")
			.statusCode()).isEqualTo(429);
		Browser forger = client("203.0.113.162").header("Cookie",
				"inkstone_device=0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(signIn(forger, victim, "correct-horse-1").statusCode()).isEqualTo(429);
		Browser copied = client("203.0.113.163").header("Cookie", "inkstone_device=" + deviceCookie.substring(0, 17)
				+ othersBrowser.cookie("inkstone_device").substring(17));
		assertThat(signIn(copied, victim, "correct-horse-1").statusCode()).isEqualTo(429);
		// and guesses from the owner's browser are limited per device (each sign-in
		// issued it a fresh device id)
		usual.post("/logout", Map.of("_csrf", usual.csrfToken()));
		int status = 0;
		for (int i = 0; i < 11 && status != 429; i++) {
			status = signIn(usual, victim, "wrong-" + i).statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

}
