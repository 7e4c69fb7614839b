package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compliance profile decides what a partial-copy finding does, as for whole copies:
 * with the {@code hold-flagged} duty on, a text containing 30% of another creator's live
 * article waits for a reviewer (listed in the review queue under 部分复制) instead of going
 * live. The rule does not depend on the database; SQLite only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartialCopyHoldSqliteIntegrationTests {

	static final String PASSWORD = "correct-horse-1";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.compliance.duties.hold-flagged", () -> "true");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OriginalityEngine originality;

	Browser signIn(String email) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	Browser writer(String name) {
		String email = MachineFindingsContract.unique("w") + "@hold-copy.test";
		long account = accounts.signUp(email, PASSWORD, name, Role.READER).orElseThrow().accountId();
		String handle = MachineFindingsContract.unique("w");
		assertThat(applications.apply(account, new CreatorApplications.Form("个人",
				name + handle.substring(handle.length() - 4), handle, "", "tech", "微信 x", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		return signIn(email);
	}

	long publish(Browser w, String title, String body) {
		w.page("/studio/articles/new");
		HttpResponse<String> r = w.post("/studio/articles", Map.of("_csrf", w.csrfToken(), "title", title, "body", body,
				"channel", "tech", "original", "yes", "action", "publish"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return Long
			.parseLong(r.headers().firstValue("Location").orElse("").replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void aPartialCopyIsHeldForAReviewerWhenTheProfileHoldsFlaggedArticles() {
		List<Fixtures.Item> classics = Fixtures.classics();
		Fixtures.Item source = classics.get(65);
		long sourceId = publish(writer("原作者"), source.title(), source.body());
		assertThat(status(sourceId)).as("nothing flagged: live").isEqualTo("published");
		await().atMost(Duration.ofSeconds(30)).until(() -> originality.passagesIndexed(sourceId));

		long copy = publish(writer("搬运者"), "读书札记",
				MachineFindingsContract.pasted(source.body(), classics.get(121).body(), 0.3));
		assertThat(status(copy)).as("held for a reviewer").isEqualTo("pending");

		String reviewer = MachineFindingsContract.unique("r") + "@hold-copy.test";
		accounts.signUp(reviewer, PASSWORD, "审核员", Role.REVIEWER).orElseThrow();
		assertThat(signIn(reviewer).page("/admin/review?kind=partial-copy")
			.html()
			.select("[data-testid=held-articles] tr[data-article=" + copy + "] [data-kind=partial-copy]")).hasSize(1);
	}

}
