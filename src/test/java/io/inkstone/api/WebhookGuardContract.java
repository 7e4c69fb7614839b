package io.inkstone.api;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.shared.Ids;
import io.inkstone.support.Browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks' SSRF guard as it ships: {@code inkstone.webhooks.allow-private-targets}
 * left at its default (false), unlike {@link ApiContract}, whose fake receivers live on
 * loopback and which allows them explicitly. A creator and an admin registering at
 * {@code /studio/webhooks} are refused every loopback, private, link-local and
 * unresolvable target with a field error; a public address is accepted. Runs once per
 * database.
 */
abstract class WebhookGuardContract {

	static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Browser signedIn(String email, Role role, boolean creator) {
		long accountId = accounts.signUp(email, PASSWORD, "钩子" + role, role).orElseThrow().accountId();
		if (creator) {
			jdbc.sql(
					"INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region,"
							+ " created_at, account_id) VALUES (:id, :handle, :name, NULL, '', '个人', FALSE, NULL, :now, :account)")
				.param("id", Ids.next())
				.param("handle", "guard" + (System.nanoTime() % 1_000_000))
				.param("name", "钩子作者")
				.param("now", System.currentTimeMillis())
				.param("account", accountId)
				.update();
		}
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.statusCode()).isEqualTo(302);
		return b;
	}

	static HttpResponse<String> register(Browser who, String url, boolean site) {
		who.page("/studio/webhooks");
		String form = "_csrf=" + who.csrfToken() + "&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
				+ "&events=article.published&events=comment.created" + (site ? "&site=yes" : "");
		return who.send("POST", "/studio/webhooks", "application/x-www-form-urlencoded", form);
	}

	long hooks() {
		return jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single();
	}

	@Test
	void loopbackPrivateAndUnresolvableTargetsAreRefusedByDefault() {
		Browser creator = signedIn("guard" + System.nanoTime() + "@inkstone.test", Role.CREATOR, true);
		Browser admin = signedIn("guard-admin" + System.nanoTime() + "@inkstone.test", Role.ADMIN, false);
		long before = hooks();
		List<String> inside = List.of("http://127.0.0.1:8080/hook", "https://localhost/hook", "http://[::1]/hook",
				"http://10.0.0.5/hook", "http://172.16.3.4/hook", "http://192.168.1.1/hook",
				"http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
				"http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook");
		for (String url : inside) {
			for (Browser who : List.of(creator, admin)) {
				HttpResponse<String> refused = register(who, url, who == admin);
				assertThat(refused.statusCode()).as(url).isEqualTo(400);
				Document page = Jsoup.parse(refused.body());
				assertThat(page.select("[data-field=url]").text()).as(url).contains("内网");
				assertThat(page.select("[data-testid=webhook-secret]")).isEmpty();
			}
		}
		HttpResponse<String> unknown = register(creator, "https://no-such-host.invalid/hook", false);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).select("[data-field=url]").text()).contains("解析");
		assertThat(register(creator, "file:///etc/passwd", false).statusCode()).isEqualTo(400);
		assertThat(hooks()).as("nothing refused was stored").isEqualTo(before);

		// a public address is a target (an address literal: no DNS needed in the test)
		HttpResponse<String> accepted = register(creator, "https://93.184.215.14/inkstone", false);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(accepted.body()).selectFirst("[data-testid=webhook-secret]").attr("value"))
			.startsWith("whsec_");
		assertThat(hooks()).isEqualTo(before + 1);
	}

	@Test
	void theTestSendButtonCannotBeTurnedIntoAFlood() {
		Browser creator = signedIn("flood" + System.nanoTime() + "@inkstone.test", Role.CREATOR, true);
		HttpResponse<String> accepted = register(creator, "https://93.184.215.14/flood", false);
		assertThat(accepted.statusCode()).isEqualTo(200);
		long hook = jdbc.sql("SELECT id FROM webhooks WHERE url = :u")
			.param("u", "https://93.184.215.14/flood")
			.query(Long.class)
			.single();
		creator.page("/studio/webhooks");
		for (int i = 0; i < Webhooks.PINGS_PER_HOUR; i++) {
			assertThat(creator.post("/studio/webhooks/" + hook + "/ping", Map.of("_csrf", creator.csrfToken()))
				.statusCode()).as("ping " + (i + 1)).isEqualTo(302);
		}
		HttpResponse<String> refused = creator.post("/studio/webhooks/" + hook + "/ping",
				Map.of("_csrf", creator.csrfToken()));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = :h AND event = 'ping'")
			.param("h", hook)
			.query(Long.class)
			.single()).isEqualTo(Webhooks.PINGS_PER_HOUR);
	}

}
