package io.inkstone.site;

import java.nio.file.Path;
import java.util.Map;

import io.inkstone.InkstoneApplication;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader did survives a restart: follows, shares, reads (flushed on shutdown), the
 * hot list, "remember me".
 */
class RestartIntegrationTests {

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(InkstoneApplication.class).run("--server.port=0",
				"--inkstone.data-dir=" + dataDir, "--inkstone.counters.flush-interval=1h",
				"--inkstone.admin.email=restart-admin@inkstone.test", "--inkstone.admin.password=restart-password-1");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void countsFollowsAndHotScoresSurviveARestart() throws Exception {
		Path dataDir = Databases.freshDataDir();
		long id;
		String creatorPath;
		String rememberMe;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Browser admin = new Browser(port(first));
			admin.page("/login");
			var signedIn = admin.post("/login", Map.of("_csrf", admin.csrfToken(), "email",
					"restart-admin@inkstone.test", "password", "restart-password-1", "remember", "on"));
			rememberMe = signedIn.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(c -> c.startsWith("remember-me="))
				.map(c -> c.substring(0, c.indexOf(';')))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no remember-me cookie"));
			first.getBean(ArticleImporter.class).importLines(Fixtures.open(Fixtures.CLASSICS), null);
			id = first.getBean(JdbcClient.class)
				.sql("SELECT id FROM articles ORDER BY published_at LIMIT 1")
				.query(Long.class)
				.single();
			Browser reader = new Browser(port(first));
			Browser.Page page = reader.page("/articles/" + id);
			reader.view(id); // the page's read beacon
			creatorPath = page.testId("creator-card").selectFirst("a.creator-name").attr("href");
			reader.post("/articles/" + id + "/share", Map.of("_csrf", reader.csrfToken()));
			reader.post(page.testId("creator-card").selectFirst("form.follow-form").attr("action"),
					Map.of("_csrf", reader.csrfToken()));
			for (int i = 0; i < 5; i++) {
				new Browser(port(first)).view(id);
			}
			// the flush interval is an hour: only the shutdown flush can save these
			// counts
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			// "remember me" outlives the restart: its key is kept in the database, not
			// drawn per start
			assertThat(new Browser(port(second)).get("/account", "Cookie", rememberMe).statusCode()).isEqualTo(200);
			Browser reader = new Browser(port(second));
			reader.view(id);
			Browser.Page page = reader.page("/articles/" + id);
			assertThat(page.testId("share-count").text()).isEqualTo("1 次分享");
			assertThat(page.testId("read-count").text()).isEqualTo("7 阅读"); // 6 readers
																			// before,
																			// this one
																			// now
			assertThat(page.testId("follower-count").text()).isEqualTo("1");
			long hotRows = second.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM hot_scores WHERE article_id = :id")
				.param("id", id)
				.query(Long.class)
				.single();
			assertThat(hotRows).isEqualTo(1);
			assertThat(reader.page(creatorPath).status()).isEqualTo(200);
		}
	}

}
