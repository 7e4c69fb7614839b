package io.inkstone.settings;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.MailServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statement-of-reasons templates at {@code /admin/settings/statements} over real
 * HTTP, once per database: an admin's edit is what the next decision sends (message
 * centre and mail) while statements already sent stay as they were; the decision form
 * shows the chosen action's template for the reviewer to adjust; bad input is a 400 with
 * the field's message and stores nothing; reviewers get a 403 and anonymous visitors the
 * sign-in page.
 */
abstract class StatementTemplatesContract {

	static final String PASSWORD = "correct-horse-1";

	static final MailServer SMTP = MailServer.smtp().start();

	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.admin.email", () -> "admin@statements.test");
		registry.add("inkstone.admin.password", () -> "statements-admin-1");
		SMTP.springProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	JdbcClient jdbc;

	record Person(long accountId, String email, Browser browser) {
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	Person person(String name, Role role) {
		String email = unique("s") + "@statements.test";
		long id = accounts.signUp(email, PASSWORD, name, role).orElseThrow().accountId();
		return new Person(id, email, signIn(email));
	}

	Browser signIn(String email) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(location(r)).doesNotContain("error");
		return b;
	}

	/** An approved creator. */
	Person writer(String name) {
		String email = unique("w") + "@statements.test";
		long account = accounts.signUp(email, PASSWORD, name, Role.READER).orElseThrow().accountId();
		String handle = unique("w");
		assertThat(applications.apply(account, new CreatorApplications.Form("个人",
				name + handle.substring(handle.length() - 4), handle, "", "tech", "微信 x", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		return new Person(account, email, signIn(email));
	}

	static long publish(Browser creator, String title, String body) {
		creator.page("/studio/articles/new");
		HttpResponse<String> r = creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", title,
				"body", body, "channel", "tech", "original", "yes", "action", "publish"));
		assertThat(location(r)).contains("?published");
		return Long.parseLong(location(r).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	/** An anonymous reader's report of the article; returns the report's id. */
	long report(long articleId) {
		Browser reader = new Browser(port);
		reader.page("/articles/" + articleId);
		HttpResponse<String> filed = reader.post("/report", Map.of("_csrf", reader.csrfToken(), "type", "article", "id",
				Long.toString(articleId), "reason", "infringement", "detail", "整篇照搬。"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		String ref = reader.page(location(filed)).html().select("[data-testid=report-ref]").text();
		return jdbc.sql("SELECT id FROM reports WHERE ref = :r").param("r", ref).query(Long.class).single();
	}

	String ref(long reportId) {
		return jdbc.sql("SELECT ref FROM reports WHERE id = :id").param("id", reportId).query(String.class).single();
	}

	static HttpResponse<String> decide(Browser reviewer, long reportId, Map<String, String> fields) {
		reviewer.page("/admin/reports/" + reportId);
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", reviewer.csrfToken());
		return reviewer.post("/admin/reports/" + reportId + "/decide", form);
	}

	static HttpResponse<String> saveTemplate(Browser admin, String action, String zh, String en) {
		admin.page("/admin/settings/statements");
		return admin.post("/admin/settings/statements/" + action,
				Map.of("_csrf", admin.csrfToken(), "zh", zh, "en", en));
	}

	String sentStatement(long decisionId) {
		return jdbc.sql("SELECT statement_text FROM moderation_decisions WHERE id = :id")
			.param("id", decisionId)
			.query(String.class)
			.single();
	}

	long templateRows() {
		return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE name LIKE 'moderation.sor.%' AND value IS NOT NULL")
			.query(Long.class)
			.single();
	}

	/** The notes of the account's moderation messages, newest first. */
	static String moderationNotes(Browser b) {
		return b.page("/messages")
			.html()
			.select("[data-testid=message][data-kind=moderation] [data-testid=message-note]")
			.text();
	}

	static String mailTo(String to, String marker) {
		return SMTP.awaitMail(to, mail -> mail.text().contains(marker), Duration.ofSeconds(15)).text();
	}

	@Test
	void anEditedTemplateIsWhatTheNextDecisionSendsAndSentStatementsStay() {
		Person admin = person("模板管理员", Role.ADMIN);
		Person reviewer = person("模板审核员", Role.REVIEWER);
		Person writer = writer("模板作者");

		Document page = admin.browser().page("/admin/settings/statements").html();
		Document takeDown = Jsoup
			.parse(page.select("form[data-testid=template-form][data-action=take-down]").outerHtml());
		assertThat(takeDown.selectFirst("textarea[name=zh]").wholeText()).contains("如何申诉").contains("{5}");
		assertThat(takeDown.selectFirst("textarea[name=en]").wholeText()).contains("How to appeal");
		assertThat(page.select("a[aria-current=page]").attr("href")).isEqualTo("/admin/settings/statements");

		HttpResponse<String> saved = saveTemplate(admin.browser(), "take-down",
				"模板甲：编号 {0}，文章《{1}》因“{2}”下架。说明：{3}。依据：{4}。申诉：{5}",
				"Template A: {0}, \"{1}\" taken down for {2}. {3}. Rule: {4}. Appeal: {5}");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.browser().page(location(saved)).html().select("[data-testid=flash]").text()).contains("已保存");
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'settings.change' "
					+ "AND target_id = 'moderation.sor.take-down.zh'")
			.query(String.class)
			.list()).anySatisfy(details -> assertThat(details).contains("如何申诉").contains("→").contains("模板甲"));

		// the decision form shows the template of the action, for the reviewer to adjust
		long first = publish(writer.browser(), "模板测试一", "第一篇被举报的文章。");
		long firstReport = report(first);
		Document form = reviewer.browser().page("/admin/reports/" + firstReport).html();
		assertThat(form.selectFirst("input[name=decision][value=take-down]").attr("data-sor-zh")).startsWith("模板甲：");
		assertThat(form.select("[data-testid=sor-zh]")).hasSize(1);
		// chosen but refused (no rule): the page comes back with the template in the
		// field
		HttpResponse<String> refused = decide(reviewer.browser(), firstReport,
				Map.of("decision", "take-down", "rule", "", "statement", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[data-testid=sor-zh]").wholeText()).startsWith("模板甲：");

		assertThat(decide(reviewer.browser(), firstReport, Map.of("decision", "take-down", "rule",
				"平台公约 一、3 将他人作品声明为原创（虚假原创）", "statement", "全文照搬他人作品", "sorZh", "", "sorEn", ""))
			.statusCode()).isEqualTo(302);
		String ref = ref(firstReport);
		String sent = "模板甲：编号 " + ref + "，文章《模板测试一》因“侵权/抄袭”下架。说明：全文照搬他人作品。依据：平台公约 一、3 将他人作品声明为原创（虚假原创）。申诉：";
		assertThat(sentStatement(firstReport)).startsWith(sent).contains("Template A: " + ref);
		await().atMost(Duration.ofSeconds(15)).until(() -> moderationNotes(writer.browser()).contains(ref));
		// the message centre shows the statement in the reader's language only
		assertThat(moderationNotes(writer.browser())).contains(sent).doesNotContain("Template A: " + ref);
		assertThat(mailTo(writer.email(), ref)).contains("模板甲").contains("Template A");

		// a later edit changes the next statement, not the one sent
		assertThat(saveTemplate(admin.browser(), "take-down", "模板乙：{0}。{3}", "Template B: {0}. {3}").statusCode())
			.isEqualTo(302);
		assertThat(sentStatement(firstReport)).startsWith(sent);
		assertThat(moderationNotes(writer.browser())).contains(sent);

		// the reviewer adjusts the wording for one case
		long second = publish(writer.browser(), "模板测试二", "第二篇被举报的文章。");
		long secondReport = report(second);
		assertThat(reviewer.browser()
			.page("/admin/reports/" + secondReport)
			.html()
			.selectFirst("input[name=decision][value=take-down]")
			.attr("data-sor-zh")).isEqualTo("模板乙：{0}。{3}");
		assertThat(decide(reviewer.browser(), secondReport, Map.of("decision", "take-down", "rule",
				"平台公约 一、3 将他人作品声明为原创（虚假原创）", "statement", "照搬", "sorZh", "本案调整：{0}，{3}", "sorEn", "Adjusted: {0}"))
			.statusCode()).isEqualTo(302);
		String secondRef = ref(secondReport);
		assertThat(sentStatement(secondReport)).isEqualTo("本案调整：" + secondRef + "，照搬\n\n——\n\nAdjusted: " + secondRef);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> moderationNotes(writer.browser()).contains("本案调整：" + secondRef));

		// back to the bundle's text
		admin.browser().page("/admin/settings/statements");
		HttpResponse<String> reset = admin.browser()
			.post("/admin/settings/statements/take-down/reset", Map.of("_csrf", admin.browser().csrfToken()));
		assertThat(reset.statusCode()).isEqualTo(302);
		Document after = admin.browser().page(location(reset)).html();
		assertThat(after.select("[data-testid=flash]").text()).contains("恢复");
		assertThat(after.select("form[data-action=take-down] textarea[name=zh]").first().wholeText()).contains("如何申诉");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM site_settings WHERE name LIKE 'moderation.sor.take-down.%' "
					+ "AND value IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void badInputIsRefusedWithTheFieldsMessageAndStoresNothing() {
		Person admin = person("模板管理员二", Role.ADMIN);
		long rows = templateRows();
		HttpResponse<String> blank = saveTemplate(admin.browser(), "label", "  ", "A note {0}");
		assertThat(blank.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(blank.body());
		assertThat(page.select("form[data-action=label] [data-field=zh]").text()).contains("不能为空");
		// one form per action: the error's id names the action, and only that textarea
		// points at it
		FieldErrorTies.assertTiedTo(page, "form[data-action=label] textarea[name=zh]", "field-error-sor-label-zh");
		FieldErrorTies.assertValid(page, "form[data-action=label] textarea[name=en]");
		assertThat(page.select("form[data-action=label] textarea[name=en]").first().wholeText())
			.isEqualTo("A note {0}");
		HttpResponse<String> tooLong = saveTemplate(admin.browser(), "label", "长".repeat(2001), "ok");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooLong.body()).select("form[data-action=label] [data-field=zh]").text())
			.contains("2000");
		assertThat(templateRows()).isEqualTo(rows);
		assertThat(saveTemplate(admin.browser(), "approve", "x", "y").statusCode()).as("approval sends no statement")
			.isEqualTo(404);
		assertThat(templateRows()).isEqualTo(rows);
	}

	@Test
	void onlyAdminsEditTemplates() {
		Person reviewer = person("模板审核员二", Role.REVIEWER);
		long rows = templateRows();
		assertThat(reviewer.browser().get("/admin/settings/statements").statusCode()).isEqualTo(403);
		assertThat(reviewer.browser()
			.post("/admin/settings/statements/take-down",
					Map.of("_csrf", reviewer.browser().csrfToken(), "zh", "审核员改的", "en", "by a reviewer"))
			.statusCode()).isEqualTo(403);
		assertThat(reviewer.browser()
			.post("/admin/settings/statements/take-down/reset", Map.of("_csrf", reviewer.browser().csrfToken()))
			.statusCode()).isEqualTo(403);
		assertThat(templateRows()).isEqualTo(rows);
		assertThat(reviewer.browser().page("/admin/reports").html().select("a[href=/admin/settings/statements]"))
			.isEmpty();
		HttpResponse<String> anonymous = new Browser(port).get("/admin/settings/statements");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(location(anonymous)).endsWith("/login");
	}

}
