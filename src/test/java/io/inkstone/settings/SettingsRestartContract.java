package io.inkstone.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.InkstoneApplication;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settings an admin changed survive a restart (a second application context on the same
 * data), and a second context running on the same database picks up a change made on the
 * first within seconds, as a second node would.
 */
abstract class SettingsRestartContract {

	static final String EMAIL = "restart-settings@inkstone.test";

	static final String PASSWORD = "restart-settings-1";

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	ConfigurableApplicationContext start(Path dataDir) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir,
				"--inkstone.admin.email=" + EMAIL, "--inkstone.admin.password=" + PASSWORD));
		args.addAll(databaseArguments());
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Browser admin(ConfigurableApplicationContext context) {
		Browser admin = new Browser(port(context));
		admin.page("/login");
		assertThat(admin.post("/login", Map.of("_csrf", admin.csrfToken(), "email", EMAIL, "password", PASSWORD))
			.headers()
			.firstValue("Location")
			.orElse("")).doesNotContain("error");
		return admin;
	}

	static String title(ConfigurableApplicationContext context) {
		return new Browser(port(context)).page("/").html().title();
	}

	@Test
	void aChangeSurvivesARestartAndReachesASecondContextWithinSeconds() {
		Path dataDir = Databases.freshDataDir();
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Browser admin = admin(first);
			assertThat(admin
				.post("/admin/settings",
						SettingsContract.generalForm(admin,
								Map.of("siteName", "重启前改的名字", "complianceProfile", "eu-dsa")))
				.statusCode()).isEqualTo(302);
			assertThat(admin
				.post("/admin/settings/lists",
						Map.of("_csrf", admin.csrfToken(), "words", "重启词甲\n重启词乙", "domains", "spam.example"))
				.statusCode()).isEqualTo(302);
			assertThat(title(first)).contains("重启前改的名字");
			admin.page("/admin/settings/statements");
			assertThat(admin
				.post("/admin/settings/statements/label",
						Map.of("_csrf", admin.csrfToken(), "zh", "重启前的模板 {0}", "en", "Before the restart {0}"))
				.statusCode()).isEqualTo(302);
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(title(second)).contains("重启前改的名字");
			Browser admin = admin(second);
			Document page = admin.page("/admin/settings").html();
			assertThat(page.selectFirst("input[name=complianceProfile][checked]").val()).isEqualTo("eu-dsa");
			assertThat(page.selectFirst("textarea[name=words]").wholeText()).isEqualTo("重启词甲\n重启词乙");
			assertThat(page.selectFirst("textarea[name=domains]").wholeText()).isEqualTo("spam.example");
			Document templates = admin.page("/admin/settings/statements").html();
			assertThat(templates.selectFirst("form[data-action=label] textarea[name=zh]").wholeText())
				.isEqualTo("重启前的模板 {0}");
			assertThat(templates.selectFirst("form[data-action=label] textarea[name=en]").wholeText())
				.isEqualTo("Before the restart {0}");

			// a second context on the same database (another data directory: its own
			// search index), as a second node: it sees the first one's next change
			// within seconds
			Path otherDir = databaseArguments().isEmpty() ? dataDir : Databases.freshDataDir();
			if (otherDir != dataDir) {
				try (ConfigurableApplicationContext node = start(otherDir)) {
					assertThat(title(node)).contains("重启前改的名字");
					assertThat(admin
						.post("/admin/settings", SettingsContract.generalForm(admin, Map.of("siteName", "另一节点也看得到")))
						.statusCode()).isEqualTo(302);
					assertThat(title(second)).contains("另一节点也看得到");
					await().atMost(Duration.ofSeconds(10)).until(() -> title(node).contains("另一节点也看得到"));
				}
			}
		}
	}

}
