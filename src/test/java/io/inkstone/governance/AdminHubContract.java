package io.inkstone.governance;

import java.util.List;

import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.SignedInRoles.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin} as the staff's start page over real HTTP: the count and the oldest
 * waiting time of each queue (applications, reports, held articles, appeals, copyright
 * notices), the tabbed navigation with the current page marked, and who may see it. Runs
 * once per database.
 */
@Import(SignedInRoles.class)
abstract class AdminHubContract {

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	static String count(Document hub, String queue) {
		Element item = hub.selectFirst("[data-testid=hub-queues] li[data-queue=" + queue + "]");
		assertThat(item).as(queue).isNotNull();
		return item.selectFirst("[data-testid=hub-count]").text();
	}

	@Test
	void anEmptyHubSaysEverythingIsDoneThenCountsEveryQueueWithItsOldestWait() {
		Browser reviewer = roles.reviewer();
		Document empty = reviewer.page("/admin").html();
		for (String queue : List.of("applications", "reports", "held", "appeals", "copyright")) {
			assertThat(count(empty, queue)).isEqualTo("0");
		}
		assertThat(empty.selectFirst("[data-testid=hub-summary]").text()).contains("都已处理完");

		// one of each: an application, a report, a copyright notice, an article held for
		// review
		roles.apply(roles.account("申请人", Role.READER), "申请");
		long creator = roles.creator().creatorId();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		List<Long> ids = List.copyOf(articles.importBatch(List.of(
				new NewArticle(unique("k"), creator, channel, "被举报的文章", "正文一。", "", true, Aigc.NONE, null,
						System.currentTimeMillis()),
				new NewArticle(unique("k"), creator, channel, "被拦下的文章", "正文二。", "", true, Aigc.NONE, null,
						System.currentTimeMillis())))
			.values());
		reports.file(new Reports.Filing("article", ids.get(0), "rumour", "内容不实", null), unique("r"), null);
		reports.fileCopyright(
				new Reports.CopyrightNotice(ids.get(0), "某出版社", "rights@example.com", "《原作》", "整篇照搬", true),
				unique("c"), null);
		jdbc.sql("UPDATE articles SET status = 'pending', updated_at = :t WHERE id = :id")
			.param("t", System.currentTimeMillis() - 3 * 3600_000L)
			.param("id", ids.get(1))
			.update();

		Document hub = reviewer.page("/admin").html();
		assertThat(count(hub, "applications")).isEqualTo("1");
		assertThat(count(hub, "reports")).isEqualTo("1");
		assertThat(count(hub, "copyright")).isEqualTo("1");
		assertThat(count(hub, "held")).isEqualTo("1");
		assertThat(count(hub, "appeals")).isEqualTo("0");
		assertThat(hub.selectFirst("[data-testid=hub-summary]").text()).contains("3 小时");
		assertThat(hub.selectFirst("li[data-queue=held] [data-testid=hub-waiting]").text()).contains("3 小时");
		assertThat(hub.selectFirst("li[data-queue=copyright] a").attr("href"))
			.isEqualTo("/admin/reports?reason=infringement");
		assertThat(reviewer.page("/admin?lang=en").html().selectFirst("li[data-queue=held]").text())
			.contains("held by the machine checks");
	}

	@Test
	void theTabbedNavigationMarksTheCurrentPage() {
		Browser reviewer = roles.reviewer();
		assertThat(
				reviewer.page("/admin").html().select("[data-testid=admin-nav] a[aria-current=page]").eachAttr("href"))
			.containsExactly("/admin");
		assertThat(reviewer.page("/admin/reports")
			.html()
			.select("[data-testid=admin-nav] a[aria-current=page]")
			.eachAttr("href")).containsExactly("/admin/reports");
		assertThat(reviewer.page("/admin/applications")
			.html()
			.select("[data-testid=admin-nav] a[aria-current=page]")
			.eachAttr("href")).containsExactly("/admin/applications");
	}

	@Test
	void readersAndCreatorsAreRefusedTheHubAndStrangersAreSentToSignIn() {
		assertThat(roles.reader().get("/admin").statusCode()).isEqualTo(403);
		assertThat(roles.creator().signIn().get("/admin").statusCode()).isEqualTo(403);
		assertThat(new Browser(port).get("/admin").headers().firstValue("Location").orElse("")).endsWith("/login");
	}

}
