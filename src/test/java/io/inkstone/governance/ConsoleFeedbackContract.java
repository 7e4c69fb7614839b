package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.inkstone.accounts.Accounts;

import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.shared.SiteSettings;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' console answers every decision with what it did, read from what is
 * stored; a repeated decision (Back, a double click) is told where the case stands
 * instead of a 404 or a bare 400; queues name who waits and for how long; a decision's
 * rule is one of the 平台公约's numbered articles. Runs once per database.
 */
abstract class ConsoleFeedbackContract {

	static final String PASSWORD = "correct-horse-1";

	static final String RULE = "平台公约 一、5 色情低俗、暴力血腥、赌博诈骗内容";

	static void commonProperties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.compliance.profile", () -> "eu-dsa");
		registry.add("inkstone.review.bad-domains", () -> "scam.example");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Creators creators;

	@Autowired
	CreatorApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteSettings site;

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	long account(String name, Role role) {
		return accounts.signUp(unique("c") + "@console.test", PASSWORD, name, role).orElseThrow().accountId();
	}

	Browser signIn(long accountId) {
		String email = jdbc.sql("SELECT email FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).doesNotContain("error");
		return b;
	}

	long application(long account, String name) {
		String handle = unique("h");
		assertThat(applications.apply(account,
				new CreatorApplications.Form("个人", name, handle, "", "tech", "微信 x", "", "", true)))
			.isEmpty();
		return applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow();
	}

	String flash(Browser b, String path) {
		return b.page(path).html().select("[data-testid=flash]").text();
	}

	@Test
	void anApplicationDecisionConfirmsAndASecondClickIsToldItIsDecided() {
		Browser admin = signIn(account("管理员", Role.ADMIN));
		long approveMe = application(account("读者甲", Role.READER), "甲作者" + unique("").substring(4));
		long rejectMe = application(account("读者乙", Role.READER), "乙作者" + unique("").substring(4));

		// the queue shows how long each application has waited and the channel's name
		Document queue = admin.page("/admin/applications").html();
		var row = queue.selectFirst("tr[data-application=" + approveMe + "]");
		assertThat(row.select("[data-testid=application-waited]").text()).contains("已等");
		assertThat(row.select("[data-testid=application-channel]").text()).isNotBlank().isNotEqualTo("tech");

		HttpResponse<String> approved = admin.post("/admin/applications/" + approveMe + "/approve",
				Map.of("_csrf", admin.csrfToken()));
		assertThat(location(approved)).isEqualTo("/admin/applications?done=" + approveMe);
		assertThat(flash(admin, location(approved))).contains("已通过").contains("甲作者");
		// again (Back and click): the state, not a 400
		HttpResponse<String> again = admin.post("/admin/applications/" + approveMe + "/approve",
				Map.of("_csrf", admin.csrfToken()));
		assertThat(location(again)).isEqualTo("/admin/applications?done=" + approveMe);
		assertThat(flash(admin, location(again))).contains("已通过");
		// a rejection of an approved application changes nothing
		assertThat(admin
			.post("/admin/applications/" + approveMe + "/reject", Map.of("_csrf", admin.csrfToken(), "reason", "迟了"))
			.statusCode()).isEqualTo(302);
		assertThat(applications.find(approveMe).orElseThrow().status()).isEqualTo("approved");

		// a rejection without a reason is refused at that row's reason field, and the
		// application stays pending
		HttpResponse<String> noReason = admin.post("/admin/applications/" + rejectMe + "/reject",
				Map.of("_csrf", admin.csrfToken(), "reason", "\u3000 "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		Document noReasonPage = Jsoup.parse(noReason.body());
		assertThat(noReasonPage.select("[role=alert]").text()).isNotBlank();
		FieldErrorTies.assertTiedTo(noReasonPage,
				"form[action=/admin/applications/" + rejectMe + "/reject] input[name=reason]",
				"field-error-reason-" + rejectMe);
		assertThat(applications.find(rejectMe).orElseThrow().pending()).isTrue();
		HttpResponse<String> rejected = admin.post("/admin/applications/" + rejectMe + "/reject",
				Map.of("_csrf", admin.csrfToken(), "reason", "资料不全"));
		assertThat(location(rejected)).isEqualTo("/admin/applications?done=" + rejectMe);
		assertThat(flash(admin, location(rejected))).contains("已驳回").contains("乙作者");
		assertThat(flash(admin, "/admin/applications")).isEmpty();
	}

	@Test
	void appointingAndRemovingAReviewerConfirmsAndARepeatedRemovalIsNotA404() {
		Browser admin = signIn(account("管理员", Role.ADMIN));
		String email = unique("r") + "@console.test";
		long candidate = accounts.signUp(email, PASSWORD, "候选人", Role.READER).orElseThrow().accountId();
		admin.page("/admin/staff");
		HttpResponse<String> appointed = admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", email, "reason", "内容审核轮值"));
		assertThat(location(appointed)).isEqualTo("/admin/staff?done=" + candidate);
		assertThat(flash(admin, location(appointed))).contains("已任命").contains("候选人");

		HttpResponse<String> revoked = admin.post("/admin/staff/reviewers/" + candidate + "/revoke",
				Map.of("_csrf", admin.csrfToken(), "reason", "轮值结束"));
		assertThat(location(revoked)).isEqualTo("/admin/staff?done=" + candidate);
		assertThat(flash(admin, location(revoked))).contains("不再是审核员");
		HttpResponse<String> again = admin.post("/admin/staff/reviewers/" + candidate + "/revoke",
				Map.of("_csrf", admin.csrfToken(), "reason", "轮值结束"));
		assertThat(location(again)).isEqualTo("/admin/staff?done=" + candidate);
		assertThat(flash(admin, location(again))).contains("不再是审核员");
	}

	long heldArticle(String name) {
		long account = account(name, Role.READER);
		long applicationId = application(account, name + unique("").substring(4));
		applications.approve(applicationId);
		Browser writer = signIn(account);
		writer.page("/studio/articles/new");
		HttpResponse<String> r = writer.post("/studio/articles",
				Map.of("_csrf", writer.csrfToken(), "title", "优惠" + unique(""), "body",
						"本店长期优惠，详情见 [这里](https://www.scam.example/x)。", "channel", "tech", "original", "yes", "action",
						"publish"));
		assertThat(location(r)).contains("?pending");
		return Long.parseLong(location(r).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	@Test
	void aReviewDecisionMustApplyANumberedArticleOfTheCommunityRules() {
		long held = heldArticle("待审作者");
		Browser reviewer = signIn(account("审核员", Role.REVIEWER));
		Document detail = reviewer.page("/admin/review/" + held).html();
		assertThat(detail.select("[data-testid=rule-picker] option").eachText()).contains(RULE);
		long before = jdbc.sql("SELECT COUNT(*) FROM moderation_decisions").query(Long.class).single();
		HttpResponse<String> madeUp = reviewer.post("/admin/review/" + held,
				Map.of("_csrf", reviewer.csrfToken(), "outcome", "rejected", "reasonCode", "spam", "rule",
						"<script>alert(5)</script>我编的第99条", "note", "垃圾广告。"));
		assertThat(madeUp.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(madeUp.body()).select("[role=alert]").text()).contains("平台公约");
		Document madeUpPage = Jsoup.parse(madeUp.body());
		FieldErrorTies.assertTiedTo(madeUpPage, "select[name=rule]", "field-error-review-rule");
		assertThat(madeUpPage.select("textarea[name=note]").text()).isEqualTo("垃圾广告。");
		assertThat(madeUpPage.select("select[name=reasonCode] option[selected]").attr("value")).isEqualTo("spam");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM moderation_decisions").query(Long.class).single()).isEqualTo(before);
		assertThat(
				jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", held).query(String.class).single())
			.isEqualTo("pending");

		// the queue names the creator and how long the article has waited; the detail
		// page names the creator
		var row = reviewer.page("/admin/review").html().selectFirst("tr[data-article=" + held + "]");
		assertThat(row.select("[data-testid=held-creator]").text()).contains("待审作者");
		assertThat(row.select("[data-testid=held-waited]").text()).contains("已等");
		assertThat(detail.select("[data-testid=review-creator]").text()).contains("待审作者");

		HttpResponse<String> decided = reviewer.post("/admin/review/" + held, Map.of("_csrf", reviewer.csrfToken(),
				"outcome", "rejected", "reasonCode", "spam", "rule", RULE, "note", "垃圾广告。"));
		assertThat(location(decided)).isEqualTo("/admin/review?done=" + held);

		// the audit log says it in words: the article by its title, the reason code
		// as staff read it
		String title = jdbc.sql("SELECT title FROM articles WHERE id = :id")
			.param("id", held)
			.query(String.class)
			.single();
		var entry = signIn(account("管理员", Role.ADMIN)).page("/admin/audit")
			.html()
			.selectFirst("tr[data-action=review.rejected]");
		assertThat(entry.select("[data-testid=audit-subject]").text()).contains(title);
		assertThat(entry.select("[data-testid=audit-details]").text()).isEqualTo("垃圾广告");
	}

	@Test
	void theBadDomainListTakesHostNamesOnlyAndATooLargeUploadSaysSo() {
		Browser admin = signIn(account("管理员", Role.ADMIN));
		Document page = admin.page("/admin/settings").html();
		String words = page.selectFirst("textarea[name=words]").wholeText();
		String domains = page.selectFirst("textarea[name=domains]").wholeText();
		long rows = jdbc.sql("SELECT COUNT(*) FROM site_settings").query(Long.class).single();
		HttpResponse<String> bad = admin.post("/admin/settings/lists", Map.of("_csrf", admin.csrfToken(), "words",
				words, "domains", "ok.example\n例子.中国\nhttp://bad.example/path\n<b>x</b>"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).select("[data-field=domains]").text()).contains("http://bad.example/path")
			.contains("不是域名");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM site_settings").query(Long.class).single()).isEqualTo(rows);
		assertThat(admin.page("/admin/settings").html().selectFirst("textarea[name=domains]").wholeText())
			.isEqualTo(domains);
		// host names, internationalised ones included, are saved
		assertThat(admin
			.post("/admin/settings/lists",
					Map.of("_csrf", admin.csrfToken(), "words", words, "domains", "scam.example\nok.example\n例子.中国"))
			.statusCode()).isEqualTo(302);

		// a valid UTF-8 list over the size limit is refused for its size, with the limit
		byte[] large = "敏感词\n".repeat(160_000).getBytes(StandardCharsets.UTF_8);
		admin.page("/admin/settings");
		HttpResponse<String> tooLarge = admin.postMultipart("/admin/settings/lists",
				Map.of("_csrf", admin.csrfToken(), "words", words, "domains", "ok.example"), "wordsFile", "words.txt",
				"text/plain", large, "text/html");
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooLarge.body()).select("[data-field=wordsFile]").text()).contains("太大")
			.contains("800 KB")
			.doesNotContain("UTF-8 编码");
	}

	@Test
	void theSiteNameSetInSettingsIsTheOneTheJoinPageTheMailsAndTheDefaultDisclaimerSay() {
		site.put(SiteSettings.SITE_NAME, "墨池新闻", null);
		try {
			Browser reader = signIn(account("想入驻的读者", Role.READER));
			assertThat(reader.page("/join").html().select("[data-testid=join-intro]").text()).contains("在墨池新闻入驻");
			// the mails' subjects:
			// MailTemplatesTests.accountMailSubjectsNameTheSiteAsSetInTheConsole…
			assertThat(site.disclaimer(false)).contains("“墨池新闻”").doesNotContain("砚");
			assertThat(site.disclaimer(true)).contains("墨池新闻");
		}
		finally {
			site.put(SiteSettings.SITE_NAME, null, null);
		}
	}

}
