package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.inkstone.accounts.Role;
import io.inkstone.creators.Creators;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.MailServer;
import io.inkstone.support.SignedInRoles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one moderation model over real HTTP, one behaviour per test: a report, a reviewer's
 * decision on a held article and a rights holder's notice each end in a decision with a
 * statement of reasons that reaches the affected account (message centre and mail); each
 * has one appeal, refused to the decider and decided by another staff member, whose
 * reversal undoes the action by its kind; the transparency report counts all of it. Runs
 * once per database.
 */
@Import(SignedInRoles.class)
abstract class ModerationContract {

	/** A real SMTP server in the test JVM that receives what the app sends. */
	static final MailServer SMTP = MailServer.smtp().start();

	static void commonProperties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.admin.email", () -> "admin@moderation.test");
		registry.add("inkstone.admin.password", () -> "moderation-admin-password-1");
		registry.add("inkstone.compliance.profile", () -> "eu-dsa"); // flagged articles
																		// wait for a
																		// reviewer
		registry.add("inkstone.review.bad-domains", () -> "scam.example");
		SMTP.springProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Creators creators;

	@Autowired
	JdbcClient jdbc;

	record Person(long accountId, String email, Browser browser) {
	}

	record Writer(long accountId, long creatorId, String email, Browser browser) {
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	Browser browser() {
		return new Browser(port);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * A new account signed in; sign-ins are throttled per address (30 in 10 minutes), so
	 * the tests share their staff and sign each account in once.
	 */
	Person person(String name, Role role) {
		long id = roles.account(name, role);
		return new Person(id, roles.email(id), roles.signIn(id));
	}

	private static final Map<String, Person> STAFF = new ConcurrentHashMap<>();

	/** The reviewer who decides (one per application under test). */
	Person decider() {
		return STAFF.computeIfAbsent(port + ":decider", k -> person("审核员", Role.REVIEWER));
	}

	/** A different reviewer, who decides appeals. */
	Person appealReviewer() {
		return STAFF.computeIfAbsent(port + ":appeals", k -> person("复核员", Role.REVIEWER));
	}

	Person admin() {
		return STAFF.computeIfAbsent(port + ":admin", k -> person("管理员", Role.ADMIN));
	}

	Writer writer(String name) {
		SignedInRoles.Creator creator = roles.creator(name);
		return new Writer(creator.accountId(), creator.creatorId(), roles.email(creator.accountId()), creator.signIn());
	}

	/** What a reader's report of a comment leaves: the comment and the report. */
	record ReportedComment(long commentId, long reportId, Browser reader) {
	}

	/**
	 * The commenter writes this comment under the article; an anonymous reader reports it
	 * as fraud through the comment's report link.
	 */
	ReportedComment commentReportedAsFraud(Person commenter, String path, String text) {
		commenter.browser().page(path);
		commenter.browser().post(path + "/comments", Map.of("_csrf", commenter.browser().csrfToken(), "text", text));
		Browser reader = browser();
		String commentReport = reader.page(path)
			.html()
			.selectFirst("[data-testid=comments] [data-testid=report]")
			.attr("href");
		long commentId = Long.parseLong(commentReport.substring(commentReport.lastIndexOf('=') + 1));
		return new ReportedComment(commentId, report(reader, "comment", commentId, "fraud", ""), reader);
	}

	/** Publishes (or submits for review) as this writer; returns the response. */
	static HttpResponse<String> submit(Browser creator, String title, String body) {
		creator.page("/studio/articles/new");
		HttpResponse<String> r = creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", title,
				"body", body, "channel", "tech", "original", "yes", "action", "publish"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r;
	}

	static long idIn(HttpResponse<String> r) {
		return Long.parseLong(location(r).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	static long publish(Writer w, String title, String body) {
		HttpResponse<String> r = submit(w.browser(), title, body);
		assertThat(location(r)).contains("?published");
		return idIn(r);
	}

	/** Files a report as an anonymous reader; returns the report's id. */
	long report(Browser reader, String type, long id, String reason, String detail) {
		HttpResponse<String> filed = reader.post("/report", Map.of("_csrf", reader.csrfToken(), "type", type, "id",
				Long.toString(id), "reason", reason, "detail", detail));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		String ref = reader.page(location(filed)).html().select("[data-testid=report-ref]").text();
		return jdbc.sql("SELECT id FROM reports WHERE ref = :r").param("r", ref).query(Long.class).single();
	}

	static int decide(Person staff, long reportId, String decision, String rule, String statement) {
		Browser b = staff.browser();
		b.page("/admin/reports/" + reportId);
		return b
			.post("/admin/reports/" + reportId + "/decide",
					Map.of("_csrf", b.csrfToken(), "decision", decision, "rule", rule, "statement", statement))
			.statusCode();
	}

	/**
	 * The confirmation above the queue after a decision on report {@code reportId}: the
	 * redirect's page says what was done.
	 */
	static String confirmation(Person staff, long reportId) {
		String location = "/admin/reports?done=" + reportId;
		return staff.browser().page(location).html().select("[data-testid=flash]").text();
	}

	static int appeal(Browser b, long decisionId, String text) {
		b.page("/appeals/" + decisionId);
		return b.post("/appeals/" + decisionId, Map.of("_csrf", b.csrfToken(), "text", text)).statusCode();
	}

	static HttpResponse<String> decideAppeal(Browser b, String path, String outcome, String note) {
		b.page("/admin/appeals");
		return b.post(path, Map.of("_csrf", b.csrfToken(), "outcome", outcome, "note", note));
	}

	int status(String path) {
		return browser().get(path).statusCode();
	}

	String articleStatus(long id) {
		return jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	/** Waits for the newest mail to {@code to} that contains {@code marker}. */
	static String mailTo(String to, String marker) {
		return SMTP.awaitMail(to, mail -> mail.mentions(marker), Duration.ofSeconds(15)).text();
	}

	/** The note of the account's newest message of this kind, once it has arrived. */
	static String messageNote(Browser b, String kind) {
		String selector = "[data-testid=message][data-kind=" + kind + "]";
		await().atMost(Duration.ofSeconds(15)).until(() -> b.page("/messages").html().selectFirst(selector) != null);
		return b.page("/messages").html().selectFirst(selector).select("[data-testid=message-note]").text();
	}

	/**
	 * The comments an anonymous reader sees at once, through the shared page store: a
	 * comment change purges the article's stored page when its transaction commits.
	 */
	void assertComments(String path, Predicate<String> test) {
		assertThat(browser().page(path).html().select("[data-testid=comments]").text()).matches(test);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	// --- reports ---

	@Test
	void aReportIsFiledInTwoClicksWithAReferenceAndBadInputIsRefused() {
		Writer w = writer("被举报者");
		long articleId = publish(w, "被转载的诗", "床前明月光，疑是地上霜。");
		String path = "/articles/" + articleId;
		Browser reader = browser();
		Document article = reader.page(path).html();
		String reportHref = article.selectFirst("[data-testid=byline] [data-testid=report]").attr("href");
		assertThat(reportHref).isEqualTo("/report?type=article&id=" + articleId);
		Document form = reader.page(reportHref).html();
		assertThat(form.select("[data-testid=report-target]").text()).isEqualTo("被转载的诗");
		assertThat(form.select("input[name=reason]")).hasSize(9);
		HttpResponse<String> noReason = reader.post("/report", Map.of("_csrf", reader.csrfToken(), "type", "article",
				"id", Long.toString(articleId), "reason", "", "evidence", "javascript:alert(1)"));
		assertThat(noReason.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(noReason.body());
		assertThat(refused.select("[data-field=reason]").text()).contains("举报类型");
		assertThat(refused.select("[data-field=evidence]").text()).contains("http");
		// each error is tied to its control, and what was typed stays
		FieldErrorTies.assertTiedTo(refused, "input[name=reason]", "field-error-reason");
		FieldErrorTies.assertTiedTo(refused, "input[name=evidence]", "field-error-evidence");
		FieldErrorTies.assertValid(refused, "textarea[name=detail]");
		assertThat(refused.select("input[name=evidence]").attr("value")).isEqualTo("javascript:alert(1)");
		assertThat(reader
			.post("/report", Map.of("_csrf", reader.csrfToken(), "type", "article", "id", "999", "reason", "other"))
			.statusCode()).isEqualTo(404);
		HttpResponse<String> filed = reader.post("/report",
				Map.of("_csrf", reader.csrfToken(), "type", "article", "id", Long.toString(articleId), "reason",
						"infringement", "detail", "整首照搬李白《静夜思》，未注明出处。", "evidence", "https://example.org/original"));
		assertThat(filed.statusCode()).isEqualTo(302);
		Document status = reader.page(location(filed)).html();
		String ref = status.select("[data-testid=report-ref]").text();
		assertThat(ref).startsWith("JB-");
		assertThat(status.select("[data-testid=report-outcome]").text()).contains("待处理");
		assertThat(reader.page("/reports").html().select("[data-testid=my-reports] a").text()).contains(ref);
	}

	@Test
	void aTakedownNeedsARuleAndAStatementThatReachesTheCreatorByMessageAndMail() {
		Writer w = writer("被下架者");
		long articleId = publish(w, "被转载的诗", "床前明月光，疑是地上霜。");
		String path = "/articles/" + articleId;
		Browser reader = browser();
		reader.page(path);
		long reportId = report(reader, "article", articleId, "infringement", "整首照搬李白《静夜思》。");
		String ref = jdbc.sql("SELECT ref FROM reports WHERE id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
		Person staff = decider();
		Document queue = staff.browser().page("/admin/reports").html();
		String detailHref = queue.select("[data-testid=open-reports] a:contains(" + ref + ")").attr("href");
		assertThat(detailHref).isEqualTo("/admin/reports/" + reportId);
		Document detail = staff.browser().page(detailHref).html();
		// the article as readers see it (rendered, not Markdown), its state in words, and
		// the rules to apply picked from the 平台公约's numbered articles
		assertThat(detail.select("[data-testid=reported-article] .article-body p").text()).contains("床前明月光");
		assertThat(detail.select("[data-testid=item-state]").text()).isEqualTo("已发布");
		assertThat(detail.select("[data-testid=rule-picker] option").eachText())
			.contains("平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿");
		assertThat(decide(staff, reportId, "take-down", "", "")).isEqualTo(400);
		// the refusal sits on the rule picker too, and what was posted stays
		Browser sb = staff.browser();
		sb.page("/admin/reports/" + reportId);
		HttpResponse<String> noRule = sb.post("/admin/reports/" + reportId + "/decide",
				Map.of("_csrf", sb.csrfToken(), "decision", "take-down", "rule", "", "statement", "未注明出处"));
		assertThat(noRule.statusCode()).isEqualTo(400);
		Document noRulePage = Jsoup.parse(noRule.body());
		FieldErrorTies.assertTiedTo(noRulePage, "select[name=rule]", "field-error-decision-rule");
		FieldErrorTies.assertValid(noRulePage, "textarea[name=statement]");
		assertThat(noRulePage.select("textarea[name=statement]").text()).isEqualTo("未注明出处");
		assertThat(noRulePage.select("input[name=decision][value=take-down]").hasAttr("checked")).isTrue();
		assertThat(status(path)).isEqualTo(200);
		assertThat(decide(staff, reportId, "hide-comment", "r", "s")).as("hide-comment does not fit an article")
			.isEqualTo(400);
		assertThat(
				decide(staff, reportId, "take-down", "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿", "全文与李白《静夜思》一致，未注明来源。"))
			.isEqualTo(302);
		// the decision confirms what it did, from what is stored
		assertThat(confirmation(staff, reportId)).isEqualTo("已处理 " + ref + "：下架文章");
		assertThat(staff.browser().page("/admin/reports").html().select("[data-testid=flash]")).isEmpty();
		assertThat(decide(staff, reportId, "no-action", "", "")).as("decided once").isEqualTo(400);
		HttpResponse<String> gone = browser().get(path);
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(gone.body()).select("[data-testid=error]").text()).contains("侵权/抄袭")
			.contains("《平台公约》第一部分第 2 项")
			.contains(ref)
			.doesNotContain("@takedown")
			.doesNotContain("infringement");
		// in English too: the reason and the rule in the reader's language, no code
		HttpResponse<String> goneEn = browser().get(path + "?lang=en");
		assertThat(goneEn.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(goneEn.body()).select("[data-testid=error]").text())
			.contains("Infringement / plagiarism")
			.contains("the community rules, part 1, item 2")
			.doesNotContain("侵权");
		// the creator's studio says the same in words
		assertThat(w.browser().page("/studio").html().select("[data-testid=state-note]").text())
			.contains("《平台公约》第一部分第 2 项")
			.doesNotContain("@takedown");
		assertThat(reader.page("/reports/" + ref).html().select("[data-testid=report-outcome]").text())
			.contains("下架文章");
		// one decision in the one model, with the report's id and reference
		assertThat(count("SELECT COUNT(*) FROM moderation_decisions WHERE id = " + reportId
				+ " AND source = 'report' AND action = 'take-down' AND report_id = " + reportId))
			.isEqualTo(1);
		// the statement of reasons: by mail, and in the message centre with the appeal
		// link
		String mail = mailTo(w.email(), ref);
		assertThat(mail).contains("处理内容").contains("平台公约 一、2").contains("全文与李白").contains("/appeals/" + reportId);
		assertThat(mail).contains("How to appeal");
		assertThat(messageNote(w.browser(), "moderation")).contains("处理内容")
			.contains("平台公约 一、2")
			.contains("/appeals/" + reportId);
		Document appealPage = w.browser().page("/appeals/" + reportId).html();
		assertThat(appealPage.select("[data-testid=statement]").text()).contains("平台公约 一、2").contains("下架文章");
		assertThat(appealPage.select("[data-testid=appeal-form]")).hasSize(1);
		// the studio links the taken-down article to its appeal
		assertThat(w.browser().page("/studio").html().select("a[data-testid=appeal-link]").eachAttr("href"))
			.contains("/appeals/" + reportId);
		Person admin = admin();
		assertThat(admin.browser().page("/admin/audit").html().select("tr[data-action=report.take-down]").text())
			.contains("全文与李白");
	}

	@Test
	void aTakedownIsAppealedOnceTheDeciderIsRefusedAndAnotherReviewerRestoresTheArticle() {
		Writer w = writer("申诉者");
		long articleId = publish(w, "注释版静夜思", "床前明月光，疑是地上霜。举头望明月，低头思故乡。");
		String path = "/articles/" + articleId;
		Browser reader = browser();
		reader.page(path);
		long id = report(reader, "article", articleId, "infringement", "照搬");
		Person first = decider();
		assertThat(decide(first, id, "take-down", "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿", "全文与李白《静夜思》一致。"))
			.isEqualTo(302);
		assertThat(status(path)).isEqualTo(410);
		Document before = browser().page("/transparency").html();
		long reversedBefore = Long.parseLong(before.selectFirst("[data-testid=appeals]").attr("data-reversed"));

		// only the affected account appeals: a stranger gets a 404, an anonymous reader
		// the sign-in page
		assertThat(reader.get("/appeals/" + id).statusCode()).isIn(302, 404);
		assertThat(appeal(person("路人", Role.READER).browser(), id, "不是我的")).isEqualTo(404);
		assertThat(appeal(w.browser(), id, " ")).isEqualTo(400);
		HttpResponse<String> blank = w.browser()
			.post("/appeals/" + id, Map.of("_csrf", w.browser().csrfToken(), "text", " "));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(FieldErrorTies.assertTiedTo(Jsoup.parse(blank.body()), "textarea[name=text]", "field-error-text"))
			.contains("申诉");
		assertThat(appeal(w.browser(), id, "这是我的原创注释版。")).isEqualTo(302);
		// a second submit (Back, or a double click) answers with where the appeal stands
		assertThat(appeal(w.browser(), id, "再申诉一次")).isEqualTo(302);
		assertThat(w.browser().page("/appeals/" + id).html().select("[data-testid=appeal-status]").text())
			.contains("申诉复核中");

		// the decider is told before writing, and refused on the server
		assertThat(first.browser()
			.page("/admin/appeals")
			.html()
			.select("[data-testid=open-appeals] tr[data-decision=" + id + "]")).hasSize(1);
		Document own = first.browser().page("/admin/appeals/" + id).html();
		assertThat(own.select("[data-testid=same-reviewer]").text()).contains("另一位审核员");
		assertThat(own.select("[data-testid=appeal-decision-form]")).isEmpty();
		HttpResponse<String> refused = decideAppeal(first.browser(), "/admin/appeals/" + id, "reverse", "自己复核自己");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).select("[data-testid=error]").text()).contains("另一位审核员");
		// the old address is the same flow
		assertThat(decideAppeal(first.browser(), "/admin/reports/" + id + "/appeal", "reverse", "自己复核自己").statusCode())
			.isEqualTo(403);
		assertThat(status(path)).isEqualTo(410);

		// another reviewer: the form says what a reversal undoes; bad input is a 400
		Person second = appealReviewer();
		Document theirs = second.browser().page("/admin/appeals/" + id).html();
		assertThat(theirs.select("[data-testid=appeal-text]").text()).contains("原创注释版");
		assertThat(theirs.select("[data-testid=undo-hint]").text()).contains("恢复文章公开");
		HttpResponse<String> noOutcome = decideAppeal(second.browser(), "/admin/appeals/" + id, "", "理由");
		assertThat(noOutcome.statusCode()).isEqualTo(400);
		Document noOutcomePage = Jsoup.parse(noOutcome.body());
		FieldErrorTies.assertTiedTo(noOutcomePage, "input[name=outcome]", "field-error-outcome");
		assertThat(noOutcomePage.select("textarea[name=note]").text()).isEqualTo("理由");
		HttpResponse<String> noNote = decideAppeal(second.browser(), "/admin/appeals/" + id, "reverse", " ");
		assertThat(noNote.statusCode()).isEqualTo(400);
		Document noNotePage = Jsoup.parse(noNote.body());
		FieldErrorTies.assertTiedTo(noNotePage, "textarea[name=note]", "field-error-note");
		assertThat(noNotePage.select("input[name=outcome][value=reverse]").hasAttr("checked")).isTrue();
		assertThat(decideAppeal(second.browser(), "/admin/appeals/" + id, "reverse", "作者提供了注释与来源，属合理引用。").statusCode())
			.isEqualTo(302);
		assertThat(status(path)).isEqualTo(200);
		// decided once: a second submit is told what was decided, and changes nothing
		HttpResponse<String> again = decideAppeal(second.browser(), "/admin/appeals/" + id, "uphold", "再来");
		assertThat(location(again)).isEqualTo("/admin/appeals?done=" + id);
		assertThat(second.browser().page(location(again)).html().select("[data-testid=flash]").text())
			.contains("撤销原处理");
		assertThat(w.browser().page("/appeals/" + id).html().select("[data-testid=appeal-status]").text())
			.contains("撤销");
		assertThat(messageNote(w.browser(), "appeal")).contains("合理引用");

		// the transparency report counts the reversal, from the one model
		Document after = browser().page("/transparency").html();
		assertThat(Long.parseLong(after.selectFirst("[data-testid=appeals]").attr("data-reversed")))
			.isEqualTo(reversedBefore + 1);
		Person admin = admin();
		assertThat(admin.browser().page("/admin/audit").html().select("tr[data-action=report.appeal-reversed]"))
			.isNotEmpty();
	}

	@Test
	void aLabelKeepsTheArticlePublicWithANoteUntilAReversedAppealTakesItOff() {
		Writer w = writer("被加注者");
		long articleId = publish(w, "某地新闻速递", "据说某地明天停水一整天，请大家提前储水。");
		String path = "/articles/" + articleId;
		Browser reader = browser();
		assertThat(reader.page(path).html().select("[data-testid=moderation-label]")).isEmpty();
		long id = report(reader, "article", articleId, "rumour", "自来水公司并未发布停水通知。");
		Person first = decider();
		assertThat(decide(first, id, "label", "", "")).as("a label names its rule").isEqualTo(400);
		Browser fb = first.browser();
		fb.page("/admin/reports/" + id);
		HttpResponse<String> decided = fb.post("/admin/reports/" + id + "/decide", Map.of("_csrf", fb.csrfToken(),
				"decision", "label", "rule", "平台公约 一、1 谣言及虚假信息", "statement", "停水消息未经自来水公司证实。"));
		assertThat(decided.statusCode()).isEqualTo(302);
		assertThat(location(decided)).isEqualTo("/admin/reports?done=" + id);

		// the article stays public, with the note, for every reader at once (the page
		// store
		// follows the change)
		HttpResponse<String> page = browser().get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("[data-testid=moderation-label]").text()).contains("存在争议");
		assertThat(reader.page(path).html().select("[data-testid=moderation-label]").attr("data-label"))
			.isEqualTo("disputed");
		assertThat(confirmation(first, id)).contains("加注提示");
		assertThat(first.browser().get("/admin/reports?done=abc").statusCode()).as("a garbled confirmation")
			.isEqualTo(400);
		assertThat(messageNote(w.browser(), "moderation")).contains("加注平台提示").contains("/appeals/" + id);

		// one appeal; a different reviewer reverses it and the note comes off
		assertThat(appeal(w.browser(), id, "消息来自居委会通知，附照片。")).isEqualTo(302);
		Person second = appealReviewer();
		assertThat(second.browser().page("/admin/appeals/" + id).html().select("[data-testid=undo-hint]").text())
			.contains("去掉文章上的平台提示");
		assertThat(decideAppeal(second.browser(), "/admin/appeals/" + id, "reverse", "居委会通知属实。").statusCode())
			.isEqualTo(302);
		assertThat(Jsoup.parse(browser().get(path).body()).select("[data-testid=moderation-label]")).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM articles WHERE id = " + articleId + " AND moderation_label IS NULL"))
			.isEqualTo(1);
	}

	@Test
	void aHiddenCommentCannotBeRestoredByTheArticlesCreatorNorReportedAgain() {
		Writer w = writer("文章作者");
		long articleId = publish(w, "有评论的文章", "正文，欢迎评论。");
		String path = "/articles/" + articleId;
		Person commenter = person("评论者", Role.READER);
		ReportedComment reported = commentReportedAsFraud(commenter, path, "加我微信领红包 xxx");
		long commentId = reported.commentId();
		long id = reported.reportId();
		String ref = jdbc.sql("SELECT ref FROM reports WHERE id = :id").param("id", id).query(String.class).single();
		Person staff = decider();
		assertThat(staff.browser()
			.page("/admin/reports?reason=fraud")
			.html()
			.select("[data-testid=open-reports] a:contains(" + ref + ")")
			.attr("href")).isEqualTo("/admin/reports/" + id);
		assertThat(decide(staff, id, "hide-comment", "平台公约 一、5 色情低俗、暴力血腥、赌博诈骗内容", "评论引导加微信领红包。")).isEqualTo(302);
		assertComments(path, text -> !text.contains("领红包"));
		// the article's creator cannot undo the staff decision: the control says so and
		// the request is refused
		Document creatorView = w.browser().page(path).html();
		assertThat(creatorView.select("#comment-" + commentId + " [data-testid=comment-removed-by-staff]")).hasSize(1);
		assertThat(creatorView.select("#comment-" + commentId + " [data-testid=comment-hide]")).isEmpty();
		HttpResponse<String> undo = w.browser()
			.post("/comments/" + commentId + "/hide", Map.of("_csrf", w.browser().csrfToken(), "hidden", "false"));
		assertThat(undo.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(undo.body()).select("[data-testid=error]").text()).contains("平台");
		// a hidden comment can no longer be named through the report form
		HttpResponse<String> hiddenForm = browser().get("/report?type=comment&id=" + commentId);
		assertThat(hiddenForm.statusCode()).isEqualTo(404);
		assertThat(hiddenForm.body()).doesNotContain("领红包");
		assertThat(browser().page(path).html().select("[data-testid=comments]").text()).doesNotContain("领红包");
		// the statement went to the comment's author, not the article's creator
		assertThat(messageNote(commenter.browser(), "moderation")).contains("平台公约 一、5").contains("/appeals/" + id);
	}

	@Test
	void aReversedAppealShowsAHiddenCommentAgain() {
		Writer w = writer("文章作者二");
		long articleId = publish(w, "评论恢复", "正文。");
		String path = "/articles/" + articleId;
		Person commenter = person("被误伤的评论者", Role.READER);
		long id = commentReportedAsFraud(commenter, path, "微信读书里也有这本书").reportId();
		assertThat(decide(decider(), id, "hide-comment", "平台公约 一、5 色情低俗、暴力血腥、赌博诈骗内容", "疑似引流。")).isEqualTo(302);
		assertComments(path, text -> !text.contains("微信读书"));
		assertThat(appeal(commenter.browser(), id, "这是书名，不是引流。")).isEqualTo(302);
		Person second = appealReviewer();
		assertThat(second.browser().page("/admin/appeals/" + id).html().select("[data-testid=undo-hint]").text())
			.contains("恢复显示");
		assertThat(decideAppeal(second.browser(), "/admin/appeals/" + id, "reverse", "提到的是书名。").statusCode())
			.isEqualTo(302);
		assertComments(path, text -> text.contains("微信读书"));
	}

	@Test
	void aRestrictedCreatorCannotPublishUntilAReversedAppealLiftsIt() {
		Writer w = writer("被暂停者");
		publish(w, "第一篇", "正文一。");
		Browser reader = browser();
		reader.page("/creators/" + creators.get(w.creatorId()).handle());
		long id = report(reader, "creator", w.creatorId(), "false-original", "");
		assertThat(decide(decider(), id, "restrict-creator", "平台公约 一、3 将他人作品声明为原创（虚假原创）", "多次将他人作品声明为原创。"))
			.isEqualTo(302);
		w.browser().page("/studio/articles/new");
		HttpResponse<String> blocked = w.browser()
			.post("/studio/articles", Map.of("_csrf", w.browser().csrfToken(), "title", "又一篇", "body", "正文", "channel",
					"tech", "original", "yes", "action", "publish"));
		assertThat(blocked.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(blocked.body()).select("[data-testid=error]").text()).contains("发布权限暂停");
		assertThat(w.browser().page("/studio/credit").html().select("[data-testid=notices] a").eachAttr("href"))
			.contains("/appeals/" + id);
		assertThat(appeal(w.browser(), id, "这些文章都是我自己写的，附草稿。")).isEqualTo(302);
		assertThat(decideAppeal(appealReviewer().browser(), "/admin/appeals/" + id, "reverse", "草稿证明为原创。").statusCode())
			.isEqualTo(302);
		assertThat(location(submit(w.browser(), "恢复后的一篇", "正文二。"))).doesNotContain("error");
	}

	@Test
	void anonymousReportsAreRateLimited() {
		Writer w = writer("常被举报者");
		long articleId = publish(w, "热门文章", "正文。");
		Browser reader = browser();
		reader.page("/articles/" + articleId);
		int status = 0;
		for (int i = 0; i < 6; i++) {
			status = reader
				.post("/report", Map.of("_csrf", reader.csrfToken(), "type", "article", "id", Long.toString(articleId),
						"reason", "other"))
				.statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

	@Test
	void theTransparencyReportComesFromTheOneModelAsPageCsvAndJson() {
		Writer w = writer("透明度");
		long articleId = publish(w, "统计用", "正文。");
		Browser reader = browser();
		reader.page("/articles/" + articleId);
		long id = report(reader, "article", articleId, "infringement", "");
		assertThat(decide(decider(), id, "take-down", "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿", "照搬。"))
			.isEqualTo(302);

		long received = count("SELECT COUNT(*) FROM reports");
		long decided = count("SELECT COUNT(*) FROM moderation_decisions");
		long takedowns = count("SELECT COUNT(*) FROM moderation_decisions WHERE source IN ('report', 'copyright')"
				+ " AND reason = 'infringement' AND action = 'take-down'");
		long reviews = count("SELECT COUNT(*) FROM moderation_decisions WHERE source = 'review'");
		long reversed = count("SELECT COUNT(*) FROM moderation_decisions WHERE appeal_status = 'reversed'");
		long byRule = count(
				"SELECT COUNT(*) FROM moderation_decisions WHERE rule_text = '平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿'");
		assertThat(takedowns).isPositive();
		Document transparency = browser().page("/transparency").html();
		assertThat(Long.parseLong(transparency.select("[data-testid=received]").text())).isEqualTo(received);
		assertThat(Long.parseLong(transparency.select("[data-testid=decided-count]").text())).isEqualTo(decided);
		assertThat(
				transparency.select("[data-testid=by-reason] tr[data-reason=infringement] td[data-outcome=take-down]")
					.text())
			.isEqualTo(Long.toString(takedowns));
		assertThat(transparency.select("[data-testid=by-source] tr[data-source=review] td").text())
			.isEqualTo(Long.toString(reviews));
		assertThat(transparency.select("[data-testid=by-action] tr[data-action=take-down] td").text())
			.isEqualTo(Long.toString(count("SELECT COUNT(*) FROM moderation_decisions WHERE action = 'take-down'")));
		assertThat(transparency.select("[data-testid=by-rule] tr:contains(平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿) td")
			.text()).isEqualTo(Long.toString(byRule));
		assertThat(transparency.select("[data-testid=appeals]").text()).contains("撤销原处理 " + reversed);
		assertThat(transparency.select("[data-testid=median]").text()).endsWith("h");
		assertThat(browser().get("/transparency.csv").body()).contains("infringement,take-down," + takedowns)
			.contains("source,review," + reviews);
		assertThat(browser().get("/transparency.json").body()).contains("\"appealsReversed\":" + reversed)
			.contains("\"bySource\"");
		assertThat(browser().get("/transparency?from=2026-02-30").statusCode()).isEqualTo(400);
	}

	// --- machine-held articles ---

	@Test
	void machineChecksHoldCopiesSpamAndProhibitedTermsWithTheirFindings() {
		Writer first = writer("先写的人");
		String poem = "春江潮水连海平，海上明月共潮生。滟滟随波千万里，何处春江无月明。江流宛转绕芳甸，月照花林皆似霰。";
		long firstId = publish(first, "春江花月夜", poem);
		awaitFingerprint(firstId);
		Writer copier = writer("抄的人");
		HttpResponse<String> held = submit(copier.browser(), "春江夜", poem.replace("海平", "天平").replace("千万里", "几万里"));
		assertThat(location(held)).contains("?pending");
		long heldId = idIn(held);
		assertThat(status("/articles/" + heldId)).as("not public while pending").isEqualTo(404);
		long spamId = idIn(submit(copier.browser(), "优惠", "本店长期代開發票，详情见 [这里](https://www.scam.example/x)。"));
		StringBuilder links = new StringBuilder("看这里：");
		for (int i = 0; i < 6; i++) {
			links.append("[链接").append(i).append("](https://example.org/").append(i).append(") ");
		}
		long linkyId = idIn(submit(copier.browser(), "链接合集", links.toString()));
		long againId = idIn(submit(first.browser(), "春江花月夜（再发）", poem));

		Person staff = decider();
		Document queue = staff.browser().page("/admin/review").html();
		assertThat(queue.select("[data-testid=held-articles] tr[data-article=" + linkyId + "] [data-kind=link-spam]"))
			.hasSize(1);
		assertThat(
				queue.select("[data-testid=held-articles] tr[data-article=" + againId + "] [data-kind=repeat-posting]"))
			.hasSize(1);
		assertThat(
				queue.select("[data-testid=held-articles] tr[data-article=" + heldId + "] [data-kind=false-original]"))
			.hasSize(1);
		assertThat(
				queue.select("[data-testid=held-articles] tr[data-article=" + spamId + "] [data-kind=sensitive-word]"))
			.hasSize(1);
		assertThat(queue.select("[data-testid=held-articles] tr[data-article=" + spamId + "] [data-kind=bad-domain]"))
			.hasSize(1);
		assertThat(staff.browser()
			.page("/admin/review?kind=sensitive-word")
			.html()
			.select("[data-testid=held-articles] tr[data-article=" + spamId + "]")).hasSize(1);
		var filtered = staff.browser()
			.page("/admin/review?kind=sensitive-word")
			.html()
			.select("[data-testid=held-articles] tbody tr");
		assertThat(filtered).isNotEmpty()
			.allSatisfy(row -> assertThat(row.select("[data-kind=sensitive-word]")).hasSize(1));
		assertThat(filtered.select("tr[data-article=" + linkyId + "]")).isEmpty();
		Document detail = staff.browser().page("/admin/review/" + heldId).html();
		assertThat(detail.select("[data-testid=findings] li[data-kind=false-original] a").attr("href"))
			.isEqualTo("/articles/" + firstId);
		assertThat(detail.select("[data-testid=reviewed-text] mark").text()).contains("春江潮水连");
		assertThat(detail.select("[data-testid=matched-text] mark").text()).contains("春江潮水连");
	}

	void awaitFingerprint(long articleId) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("SELECT COUNT(*) FROM article_fingerprints WHERE article_id = " + articleId) > 0);
	}

	/**
	 * A held copy of a poem another creator published, as the copier submits it; returns
	 * its id.
	 */
	long heldCopy(Writer copier, String poem) {
		Writer first = writer("原作者");
		long firstId = publish(first, "原作", poem);
		awaitFingerprint(firstId);
		HttpResponse<String> held = submit(copier.browser(), "登楼", poem.substring(1));
		assertThat(location(held)).contains("?pending");
		return idIn(held);
	}

	@Test
	void aRejectionNeedsAReasonReachesTheCreatorWithItsStatementAndCostsCredit() {
		Writer copier = writer("抄的人");
		long heldId = heldCopy(copier, "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。北国风光，千里冰封，万里雪飘。");
		Person staff = decider();
		staff.browser().page("/admin/review/" + heldId);
		assertThat(staff.browser()
			.post("/admin/review/" + heldId,
					Map.of("_csrf", staff.browser().csrfToken(), "outcome", "rejected", "reasonCode", "false-original"))
			.statusCode()).isEqualTo(400);
		assertThat(staff.browser()
			.post("/admin/review/" + heldId,
					Map.of("_csrf", staff.browser().csrfToken(), "outcome", "rejected", "reasonCode", "false-original",
							"rule", "平台公约 一、3 将他人作品声明为原创（虚假原创）", "note", "与《原作》几乎相同，却声明原创。"))
			.statusCode()).isEqualTo(302);
		assertThat(articleStatus(heldId)).isEqualTo("rejected");
		long decision = count("SELECT id FROM moderation_decisions WHERE article_id = " + heldId
				+ " AND source = 'review' AND action = 'reject'");
		// the reason in words, never its code
		assertThat(mailTo(copier.email(), "几乎相同")).contains("审核").contains("理由：虚假原创").doesNotContain("false-original");
		assertThat(messageNote(copier.browser(), "review")).contains("几乎相同")
			.contains("平台公约 一、3")
			.contains("/appeals/" + decision);
		Document credit = copier.browser().page("/studio/credit").html();
		assertThat(credit.select("[data-testid=credit-score]").text()).isEqualTo("90");
		assertThat(credit.select("[data-testid=review-outcomes] tr[data-outcome=rejected]").text()).contains("登楼");
		Person admin = admin();
		assertThat(admin.browser().page("/admin/audit").html().select("tr[data-action=review.rejected]").text())
			.contains("几乎相同");
	}

	@Test
	void aRequestForChangesGoesBackToDraftAndCannotBeAppealed() {
		Writer w = writer("要改的人");
		long spamId = idIn(submit(w.browser(), "优惠", "本店长期代開發票，详情见 [这里](https://www.scam.example/y)。"));
		Person staff = decider();
		staff.browser().page("/admin/review/" + spamId);
		assertThat(staff.browser()
			.post("/admin/review/" + spamId,
					Map.of("_csrf", staff.browser().csrfToken(), "outcome", "changes", "reasonCode", "spam", "note",
							"删除广告与可疑链接后再提交。"))
			.statusCode()).isEqualTo(302);
		assertThat(articleStatus(spamId)).isEqualTo("draft");
		long decision = count("SELECT id FROM moderation_decisions WHERE article_id = " + spamId);
		assertThat(w.browser().page("/appeals/" + decision).html().select("[data-testid=appeal-status]").text())
			.contains("没有可申诉");
		assertThat(appeal(w.browser(), decision, "我想申诉")).isEqualTo(400);
		assertThat(messageNote(w.browser(), "review")).contains("删除广告");
	}

	@Test
	void aRejectionIsAppealedOnceAndAnotherReviewerPublishesTheArticle() {
		Writer copier = writer("改写的人");
		long heldId = heldCopy(copier, "君不见黄河之水天上来，奔流到海不复回。君不见高堂明镜悲白发，朝如青丝暮成雪。");
		Person staff = decider();
		staff.browser().page("/admin/review/" + heldId);
		assertThat(staff.browser()
			.post("/admin/review/" + heldId,
					Map.of("_csrf", staff.browser().csrfToken(), "outcome", "rejected", "reasonCode", "false-original",
							"note", "几乎相同，却声明原创。"))
			.statusCode()).as("a rejection names its rule").isEqualTo(400);
		assertThat(articleStatus(heldId)).isEqualTo("pending");
		assertThat(staff.browser()
			.post("/admin/review/" + heldId,
					Map.of("_csrf", staff.browser().csrfToken(), "outcome", "rejected", "reasonCode", "false-original",
							"rule", "平台公约 一、3 将他人作品声明为原创（虚假原创）", "note", "几乎相同，却声明原创。"))
			.statusCode()).isEqualTo(302);
		long decision = count("SELECT id FROM moderation_decisions WHERE article_id = " + heldId);
		assertThat(copier.browser().page("/studio/credit").html().select("[data-testid=review-appeal]")).hasSize(1);
		// the studio's old address is the same appeal
		Browser b = copier.browser();
		b.page("/studio/credit");
		assertThat(b
			.post("/studio/reviews/" + decision + "/appeal",
					Map.of("_csrf", b.csrfToken(), "text", "这是我为原诗所作的改写练习，标题已注明。"))
			.statusCode()).isEqualTo(302);
		// once: a second submit is shown where the appeal stands, and changes nothing
		HttpResponse<String> again = b.post("/studio/reviews/" + decision + "/appeal",
				Map.of("_csrf", b.csrfToken(), "text", "再来一次"));
		assertThat(location(again)).isEqualTo("/appeals/" + decision);
		assertThat(appeal(b, decision, "再来一次")).isEqualTo(302);
		assertThat(jdbc.sql("SELECT appeal_text FROM moderation_decisions WHERE id = :id")
			.param("id", decision)
			.query(String.class)
			.single()).contains("改写练习");
		assertThat(staff.browser()
			.page("/admin/review")
			.html()
			.select("[data-testid=review-appeals] li[data-decision=" + decision + "]")).hasSize(1);
		assertThat(decideAppeal(staff.browser(), "/admin/review/appeals/" + decision, "reverse", "x").statusCode())
			.isEqualTo(403);
		Person other = appealReviewer();
		assertThat(other.browser().page("/admin/appeals/" + decision).html().select("[data-testid=undo-hint]").text())
			.contains("发布这篇文章");
		assertThat(decideAppeal(other.browser(), "/admin/appeals/" + decision, "reverse", "改写练习且注明出处，不属虚假原创。")
			.statusCode()).isEqualTo(302);
		assertThat(status("/articles/" + heldId)).isEqualTo(200);
		assertThat(copier.browser().page("/studio/credit").html().select("[data-testid=credit-score]").text())
			.isEqualTo("100");
	}

	// --- copyright notices ---

	@Test
	void aRightsHoldersNoticeIsCheckedAndTakesTheArticleDown() {
		Writer w = writer("被投诉者");
		long articleId = publish(w, "摄影札记", "这是一篇关于摄影构图的札记，讲三分法与留白。");
		Browser holder = browser();
		String formHref = holder.page("/report?type=article&id=" + articleId)
			.html()
			.select("[data-testid=copyright-link]")
			.attr("href");
		assertThat(formHref).isEqualTo("/copyright?article=" + articleId);
		holder.page(formHref);
		HttpResponse<String> incomplete = holder.post("/copyright", Map.of("_csrf", holder.csrfToken(), "article",
				Long.toString(articleId), "claimantName", "某图片社", "claimantContact", "not-mail", "originalWork", ""));
		assertThat(incomplete.statusCode()).isEqualTo(400);
		Document errors = Jsoup.parse(incomplete.body());
		assertThat(errors.select("[data-field=claimantContact]").text()).contains("邮箱");
		assertThat(errors.select("[data-field=originalWork]").text()).contains("原作品");
		assertThat(errors.select("[data-field=goodFaith]").text()).contains("确认");
		FieldErrorTies.assertTiedTo(errors, "input[name=claimantContact]", "field-error-claimantContact");
		FieldErrorTies.assertTiedTo(errors, "input[name=goodFaith]", "field-error-goodFaith");
		FieldErrorTies.assertValid(errors, "input[name=claimantName]");
		assertThat(errors.select("input[name=claimantContact]").attr("value")).isEqualTo("not-mail");
		assertThat(holder.get("/copyright?article=abc").statusCode()).isEqualTo(400);
		String claimant = unique("rights") + "@holder.test";
		long id = fileNotice(holder, articleId, claimant);
		String ref = jdbc.sql("SELECT ref FROM reports WHERE id = :id").param("id", id).query(String.class).single();
		assertThat(decide(decider(), id, "take-down", "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿",
				"权利人提供了出版信息，文章与原作第三章一致。"))
			.isEqualTo(302);
		assertThat(status("/articles/" + articleId)).isEqualTo(410);
		assertThat(mailTo(claimant, ref)).contains("下架文章");
		assertThat(count("SELECT COUNT(*) FROM moderation_decisions WHERE id = " + id + " AND source = 'copyright'"))
			.isEqualTo(1);
		assertThat(messageNote(w.browser(), "moderation")).contains("侵犯他人著作权");
	}

	@Test
	void aDraftsTitleIsNotShownThroughTheNoticeOrReportFormsAndNothingIsFiledAgainstIt() {
		Writer w = writer("草稿作者");
		w.browser().page("/studio/articles/new");
		String secret = "未发布的草稿" + unique("标题");
		HttpResponse<String> saved = w.browser()
			.post("/studio/articles", Map.of("_csrf", w.browser().csrfToken(), "title", secret, "body", "还没有发布的草稿正文。",
					"channel", "tech", "original", "yes", "action", "save"));
		assertThat(saved.statusCode()).isEqualTo(302);
		long draftId = idIn(saved);
		Browser stranger = browser();
		HttpResponse<String> form = stranger.get("/copyright?article=" + draftId);
		assertThat(form.statusCode()).isEqualTo(404);
		assertThat(form.body()).doesNotContain(secret);
		assertThat(stranger.get("/report?type=article&id=" + draftId).statusCode()).isEqualTo(404);
		stranger.page("/");
		long notices = count("SELECT COUNT(*) FROM reports WHERE article_id = " + draftId);
		HttpResponse<String> filed = stranger.post("/copyright",
				Map.of("_csrf", stranger.csrfToken(), "article", Long.toString(draftId), "claimantName", "某图片社",
						"claimantContact", unique("c") + "@holder.test", "originalWork", "《构图十讲》", "goodFaith", "yes"));
		assertThat(filed.statusCode()).isEqualTo(404);
		assertThat(filed.body()).doesNotContain(secret);
		HttpResponse<String> reported = stranger.post("/report", Map.of("_csrf", stranger.csrfToken(), "type",
				"article", "id", Long.toString(draftId), "reason", "rumour", "detail", "草稿"));
		assertThat(reported.statusCode()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM reports WHERE article_id = " + draftId)).isEqualTo(notices);
	}

	long fileNotice(Browser holder, long articleId, String claimant) {
		holder.page("/copyright?article=" + articleId);
		HttpResponse<String> filed = holder.post("/copyright",
				Map.of("_csrf", holder.csrfToken(), "article", Long.toString(articleId), "claimantName", "某图片社",
						"claimantContact", claimant, "originalWork", "《构图十讲》第三章，2019 年出版", "goodFaith", "yes"));
		assertThat(filed.statusCode()).isEqualTo(302);
		String ref = holder.page(location(filed)).html().select("[data-testid=report-ref]").text();
		return jdbc.sql("SELECT id FROM reports WHERE ref = :r").param("r", ref).query(Long.class).single();
	}

	@Test
	void aCounterNoticeReachesTheRightsHolderAndAReversalRestoresTheArticle() {
		Writer w = writer("反通知者");
		long articleId = publish(w, "构图札记", "三分法与留白，写于 2018 年。");
		String path = "/articles/" + articleId;
		Browser holder = browser();
		holder.page(path);
		String claimant = unique("rights") + "@holder.test";
		long id = fileNotice(holder, articleId, claimant);
		String ref = jdbc.sql("SELECT ref FROM reports WHERE id = :id").param("id", id).query(String.class).single();
		Person first = decider();
		assertThat(decide(first, id, "take-down", "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿", "与原作第三章一致。"))
			.isEqualTo(302);
		Document appeal = w.browser().page("/appeals/" + id).html();
		assertThat(appeal.select("[data-testid=counter-notice-hint]")).hasSize(1);
		assertThat(appeal(w.browser(), id, " ")).isEqualTo(400);
		assertThat(count("SELECT COUNT(*) FROM moderation_decisions WHERE id = " + id + " AND appeal_status = 'none'"))
			.isEqualTo(1);
		assertThat(appeal(w.browser(), id, "本文是我的原创，写于 2018 年，早于该书出版，附手稿照片。")).isEqualTo(302);
		assertThat(mailTo(claimant, "反通知 " + ref)).contains("写于 2018 年");
		assertThat(decideAppeal(first.browser(), "/admin/appeals/" + id, "reverse", "自己复核").statusCode())
			.isEqualTo(403);
		Person second = appealReviewer();
		assertThat(decideAppeal(second.browser(), "/admin/reports/" + id + "/appeal", "reverse", "创作者提供的手稿早于出版日期。")
			.statusCode()).isEqualTo(302);
		assertThat(status(path)).isEqualTo(200);
		assertThat(mailTo(claimant, "反通知复核结果")).contains("已恢复");
		Person admin = admin();
		assertThat(admin.browser().page("/admin/audit").html().select("tr[data-action=copyright.counter-notice]"))
			.hasSize(1)
			.allSatisfy(row -> assertThat(row.text()).contains("写于 2018 年"));
	}

	@Test
	void theAppealPagesAreForStaffAndTheHubLinksToThem() {
		assertThat(location(browser().get("/admin/appeals"))).contains("/login");
		assertThat(person("读者", Role.READER).browser().get("/admin/appeals").statusCode()).isEqualTo(403);
		Browser staff = decider().browser();
		assertThat(staff.get("/admin/appeals/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
		assertThat(staff.get("/admin/appeals/abc").statusCode()).as("not a decision id").isEqualTo(404);
		assertThat(staff.page("/admin").html().selectFirst("li[data-queue=appeals] a").attr("href"))
			.isEqualTo("/admin/appeals");
		Document transparency = browser().page("/transparency").html();
		assertThat(List.of("report", "review", "copyright")).allSatisfy(
				source -> assertThat(transparency.select("[data-testid=by-source] tr[data-source=" + source + "]"))
					.hasSize(1));
	}

}
