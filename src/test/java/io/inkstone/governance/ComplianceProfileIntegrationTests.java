package io.inkstone.governance;

import java.nio.file.Files;
import java.nio.file.Path;

import io.inkstone.InkstoneApplication;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.creators.Creators;
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
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplications;
import java.io.IOException;

/**
 * One switch changes the platform's duties: the same actions under {@code cn-mainland}
 * and {@code minimal} — IP属地 on the byline and creator card, and a new creator's first
 * articles reviewed before publication.
 */
class ComplianceProfileIntegrationTests {

	static final Path IP_DB = Path.of(System.getenv().getOrDefault("INKSTONE_IP2REGION_DB", ".cache/ip2region.db"));

	static ConfigurableApplicationContext start(String profile) {
		return new SpringApplicationBuilder(InkstoneApplication.class).run("--server.port=0",
				"--inkstone.data-dir=" + Databases.freshDataDir(), "--inkstone.compliance.profile=" + profile,
				"--inkstone.ip-region.db=" + IP_DB.toAbsolutePath());
	}

	record Outcome(String bylineRegion, String englishBylineRegion, String cardRegion,
			String statusOfNewCreatorsArticle, String orgCreditCode) {
	}

	static Outcome run(String profile) throws IOException {
		try (ConfigurableApplicationContext app = start(profile)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			app.getBean(ArticleImporter.class).importLines(Fixtures.open(Fixtures.CLASSICS), null);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long article = jdbc.sql("SELECT id FROM articles ORDER BY published_at DESC LIMIT 1")
				.query(Long.class)
				.single();
			long creator = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
				.param("id", article)
				.query(Long.class)
				.single();
			app.getBean(Creators.class).recordLocation(creator, "114.114.114.114");
			Browser.Page page = new Browser(port).page("/articles/" + article);
			var byline = page.html().select("[data-testid=byline-ip-region]");
			var englishByline = new Browser(port).page("/articles/" + article + "?lang=en")
				.html()
				.select("[data-testid=byline-ip-region]");
			var card = page.html()
				.select("[data-testid=creator-card] [data-testid=ip-region], [data-testid=ip-region]");

			Creators creators = app.getBean(Creators.class);
			long newcomer = creators.ensure("newcomer", "新来的").id();
			Articles articles = app.getBean(Articles.class);
			long draft = articles.createDraft(newcomer,
					new Draft("第一篇", "新人的第一篇文章，内容正常，没有任何问题。",
							jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single(), "",
							true, Aigc.NONE, null));
			articles.publish(draft, newcomer);
			String status = jdbc.sql("SELECT status FROM articles WHERE id = :id")
				.param("id", draft)
				.query(String.class)
				.single();

			// an organisation account: its entity details are disclosed on its page where
			// the profile asks for it
			long account = app.getBean(Accounts.class)
				.signUp("org@profile.test", "org-password-1", "某某传媒", Role.READER)
				.orElseThrow()
				.accountId();
			var applications = app.getBean(CreatorApplications.class);
			assertThat(applications.apply(account, new CreatorApplications.Form("企业", "某某传媒", "mouchuanmei", "报道本地新闻",
					"local", "电话 0591-1234567", "某某传媒有限公司", "91350100M000100Y43", true)))
				.isEmpty();
			applications.approve(applications.pending().get(0).id());
			var org = new Browser(port).page("/creators/mouchuanmei").html().select("[data-testid=org-credit-code]");
			return new Outcome(byline.isEmpty() ? null : byline.text(),
					englishByline.isEmpty() ? null : englishByline.text(), card.isEmpty() ? null : card.first().text(),
					status, org.isEmpty() ? null : org.text());
		}
	}

	@Test
	void cnMainlandShowsIpLocationAndReviewsNewCreatorsMinimalDoesNeither() throws IOException {
		String expected = Files.isReadable(IP_DB) ? "IP属地：江苏" : "IP属地：未知";
		Outcome cn = run("cn-mainland");
		assertThat(cn.bylineRegion()).isEqualTo(expected);
		// the region is data shown as stored; only "unknown" has words in each language
		assertThat(cn.englishBylineRegion())
			.isEqualTo(Files.isReadable(IP_DB) ? "IP location: 江苏" : "IP location: unknown");
		assertThat(cn.cardRegion()).isEqualTo(expected);
		assertThat(cn.statusOfNewCreatorsArticle()).isEqualTo("pending");
		assertThat(cn.orgCreditCode()).isEqualTo("91350100M000100Y43");

		Outcome minimal = run("minimal");
		assertThat(minimal.bylineRegion()).isNull();
		assertThat(minimal.cardRegion()).isNull();
		assertThat(minimal.statusOfNewCreatorsArticle()).isEqualTo("published");
		assertThat(minimal.orgCreditCode()).isNull();
	}

}
