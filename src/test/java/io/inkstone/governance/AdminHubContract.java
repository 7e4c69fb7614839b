package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.support.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin} as the staff's start page over real HTTP: the count and the oldest
 * waiting time of each queue (applications, reports, held articles, appeals, copyright
 * notices), the tabbed navigation with the current page marked, and who may see it. Runs
 * once per database.
 */
abstract class AdminHubContract {

	static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Articles articles;

	@Autowired
	Creators creators;

	@Autowired
	CreatorApplications applications;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	long account(String name, Role role) {
		return accounts.signUp(unique("h") + "@inkstone.test", PASSWORD, name, role).orElseThrow().accountId();
	}

	Browser signIn(long accountId) {
		String email = jdbc.sql("SELECT email FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	static String count(Document hub, String queue) {
		Element item = hub.selectFirst("[data-testid=hub-queues] li[data-queue=" + queue + "]");
		assertThat(item).as(queue).isNotNull();
		return item.selectFirst("[data-testid=hub-count]").text();
	}

	@Test
	void theHubCountsEveryQueueWithItsOldestWaitAndOnlyStaffSeeIt() {
		Browser reviewer = signIn(account("审核员", Role.REVIEWER));
		Document empty = reviewer.page("/admin").html();
		for (String queue : List.of("applications", "reports", "held", "appeals", "copyright")) {
			assertThat(count(empty, queue)).isEqualTo("0");
		}
		assertThat(empty.selectFirst("[data-testid=hub-summary]").text()).contains("都已处理完");

		// one of each: an application, a report, a copyright notice, an article held for
		// review
		long applicant = account("申请人", Role.READER);
		String handle = unique("a");
		assertThat(applications.apply(applicant, new CreatorApplications.Form("个人",
				"申请" + handle.substring(handle.length() - 4), handle, "", "tech", "微信 x", "", "", true)))
			.isEmpty();
		long writer = account("作者", Role.READER);
		String writerHandle = unique("w");
		assertThat(applications.apply(writer,
				new CreatorApplications.Form("个人", "作者" + writerHandle.substring(writerHandle.length() - 4),
						writerHandle, "", "tech", "微信 y", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(writer).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		long creator = creators.ofAccount(writer).orElseThrow().id();
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
		assertThat(hub.select("[data-testid=admin-nav] a[aria-current=page]").eachAttr("href"))
			.containsExactly("/admin");
		assertThat(reviewer.page("/admin/reports")
			.html()
			.select("[data-testid=admin-nav] a[aria-current=page]")
			.eachAttr("href")).containsExactly("/admin/reports");
		assertThat(reviewer.page("/admin/applications")
			.html()
			.select("[data-testid=admin-nav] a[aria-current=page]")
			.eachAttr("href")).containsExactly("/admin/applications");
		assertThat(reviewer.page("/admin?lang=en").html().selectFirst("li[data-queue=held]").text())
			.contains("held by the machine checks");

		// readers and creators are refused; strangers are sent to sign in
		assertThat(signIn(account("读者", Role.READER)).get("/admin").statusCode()).isEqualTo(403);
		assertThat(signIn(writer).get("/admin").statusCode()).isEqualTo(403);
		assertThat(new Browser(port).get("/admin").headers().firstValue("Location").orElse("")).endsWith("/login");
	}

}
