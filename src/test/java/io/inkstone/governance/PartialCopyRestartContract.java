package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The passage index survives a restart: an article published before it is found as the
 * source of a partial copy published after (a second application context on the same
 * data, which loads the stored fingerprints instead of re-reading the feed).
 */
abstract class PartialCopyRestartContract {

	static final String PASSWORD = "correct-horse-1";

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	ConfigurableApplicationContext start(Path dataDir) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir,
				"--inkstone.admin.email=admin@restart-copy.test", "--inkstone.admin.password=restart-copy-admin-1"));
		args.addAll(databaseArguments());
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Browser signIn(ConfigurableApplicationContext context, String email) {
		Browser b = new Browser(port(context));
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	static Browser writer(ConfigurableApplicationContext context, String name) {
		String email = MachineFindingsContract.unique("w") + "@restart-copy.test";
		long account = context.getBean(Accounts.class)
			.signUp(email, PASSWORD, name, Role.READER)
			.orElseThrow()
			.accountId();
		CreatorApplications applications = context.getBean(CreatorApplications.class);
		String handle = MachineFindingsContract.unique("w");
		assertThat(applications.apply(account, new CreatorApplications.Form("个人",
				name + handle.substring(handle.length() - 4), handle, "", "tech", "微信 x", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		return signIn(context, email);
	}

	static long publish(Browser w, String title, String body) {
		w.page("/studio/articles/new");
		HttpResponse<String> r = w.post("/studio/articles", Map.of("_csrf", w.csrfToken(), "title", title, "body", body,
				"channel", "tech", "original", "yes", "action", "publish"));
		String location = r.headers().firstValue("Location").orElse("");
		assertThat(location).as(r.body()).contains("?published");
		return Long.parseLong(location.replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	@Test
	void aSourcePublishedBeforeARestartIsFoundAfterIt() {
		Path dataDir = Databases.freshDataDir();
		List<Fixtures.Item> classics = Fixtures.classics();
		Fixtures.Item source = classics.get(157); // 前出师表, 760 characters
		long sourceId;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			sourceId = publish(writer(first, "原作者"), source.title(), source.body());
			OriginalityEngine originality = first.getBean(OriginalityEngine.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> originality.passagesIndexed(sourceId));
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(second.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM article_passage_prints WHERE article_id = :id")
				.param("id", sourceId)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(second.getBean(OriginalityEngine.class).passagesIndexed(sourceId)).as("loaded on start")
				.isTrue();
			long copy = publish(writer(second, "搬运者"), "读书札记",
					MachineFindingsContract.pasted(source.body(), classics.get(121).body(), 0.3));
			String reviewer = MachineFindingsContract.unique("r") + "@restart-copy.test";
			second.getBean(Accounts.class).signUp(reviewer, PASSWORD, "审核员", Role.REVIEWER).orElseThrow();
			Browser staff = signIn(second, reviewer);
			Element finding = staff.page("/admin/machine?kind=copy")
				.html()
				.selectFirst("[data-testid=machine-rows] li[data-article=" + copy + "] [data-kind=partial-copy]");
			assertThat(finding).as("the partial copy is found after the restart").isNotNull();
			assertThat(finding.selectFirst("a[data-testid=matched]").attr("href")).isEqualTo("/articles/" + sourceId);
		}
	}

}
