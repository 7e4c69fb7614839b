package io.inkstone.governance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.inkstone.articles.Articles;
import io.inkstone.shared.SiteSettings;
import io.inkstone.accounts.Role;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.Fixtures;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /admin/machine} (机审记录) over real HTTP under the default (minimal) profile:
 * flagged articles go live and are listed with their findings in words; staff hold one
 * (it leaves the public and waits for a reviewer) or take one down through the one
 * moderation model (410 for readers, the statement of reasons in the creator's message
 * centre); bad input changes nothing; only staff see the page. Runs once per database.
 */
@Import(SignedInRoles.class)
abstract class MachineFindingsContract {

	static void commonProperties(DynamicPropertyRegistry registry) {
		// no compliance profile: the default, minimal, which does not hold flagged
		// articles
		registry.add("inkstone.admin.email", () -> "admin@machine.test");
		registry.add("inkstone.admin.password", () -> "machine-admin-password-1");
		registry.add("inkstone.review.bad-domains", () -> "scam.example");
	}

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OriginalityEngine originality;

	@Autowired
	Articles articles;

	@Autowired
	SiteSettings settings;

	@Autowired
	ComplianceProfile profile;

	record Writer(long accountId, Browser browser) {
	}

	private static final Map<String, Browser> STAFF = new ConcurrentHashMap<>();

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	Browser person(String name, Role role) {
		return roles.signIn(roles.account(name, role));
	}

	Browser staff() {
		return STAFF.computeIfAbsent(port + ":staff", k -> person("审核员", Role.REVIEWER));
	}

	Writer writer(String name) {
		SignedInRoles.Creator creator = roles.creator(name);
		return new Writer(creator.accountId(), creator.signIn());
	}

	/** Publishes through the studio; under the default profile it goes live at once. */
	static long publish(Writer w, String title, String body) {
		w.browser().page("/studio/articles/new");
		HttpResponse<String> r = w.browser()
			.post("/studio/articles", Map.of("_csrf", w.browser().csrfToken(), "title", title, "body", body, "channel",
					"tech", "original", "yes", "action", "publish"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		assertThat(location(r)).as("live at once under the default profile").contains("?published");
		return Long.parseLong(location(r).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	int status(String path) {
		return new Browser(port).get(path).statusCode();
	}

	String articleStatus(long id) {
		return jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	static Element row(Document page, long id) {
		return page.selectFirst("[data-testid=machine-rows] li[data-article=" + id + "]");
	}

	static HttpResponse<String> act(Browser b, long id, Map<String, String> fields) {
		b.page("/admin/machine");
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", b.csrfToken());
		return b.post("/admin/machine/" + id, form);
	}

	/**
	 * Three articles published under the default profile: one with a sensitive word, one
	 * linking a bad domain, one clean; all live.
	 */
	record Published(Writer w, long flagged, long spam, long clean) {
	}

	/**
	 * The next clean text: a different classic each time (from the end of the fixture,
	 * which the partial-copy test does not use), so no two are near-duplicates.
	 */
	private static final AtomicInteger CLEAN = new AtomicInteger();

	Published published() {
		Writer w = writer("作者");
		long flagged = publish(w, "开票服务", "本店长期代开发票，价格从优，欢迎来电咨询。");
		long spam = publish(w, "好去处", "推荐一个网站：[这里](https://www.scam.example/x)，大家去看看。");
		long clean = publish(w, "春日随笔", Fixtures.classics().get(200 + CLEAN.getAndIncrement() % 40).body());
		assertThat(status("/articles/" + flagged)).as("live under the default profile").isEqualTo(200);
		return new Published(w, flagged, spam, clean);
	}

	@Test
	void flaggedArticlesGoLiveAndAreListedWithTheirFindings() {
		Published f = published();
		Browser staff = staff();
		Document page = staff.page("/admin/machine").html();
		Element row = row(page, f.flagged());
		assertThat(row).as("listed").isNotNull();
		assertThat(row.selectFirst("[data-kind=sensitive-word]").text()).contains("代开发票");
		assertThat(row.selectFirst("a[href=/articles/" + f.flagged() + "]").text()).isEqualTo("开票服务");
		assertThat(row.text()).contains("作者");
		assertThat(row(page, f.spam()).selectFirst("[data-kind=bad-domain]").text()).contains("www.scam.example");
		assertThat(row(page, f.clean())).as("a clean article is not listed").isNull();
		assertThat(page.select("[data-testid=machine-rows] > li")
			.eachAttr("data-article")
			.indexOf(Long.toString(f.spam())))
			.as("newest first")
			.isLessThan(page.select("[data-testid=machine-rows] > li")
				.eachAttr("data-article")
				.indexOf(Long.toString(f.flagged())));
		assertThat(page.select("[data-testid=admin-nav] a[aria-current=page]").eachAttr("href"))
			.containsExactly("/admin/machine");
		Document sensitiveOnly = staff.page("/admin/machine?kind=sensitive").html();
		assertThat(row(sensitiveOnly, f.flagged())).isNotNull();
		assertThat(row(sensitiveOnly, f.spam())).isNull();
		assertThat(row(staff.page("/admin/machine?kind=spam").html(), f.spam())).isNotNull();
		assertThat(staff.get("/admin/machine?kind=nonsense").statusCode()).isEqualTo(400);
		assertThat(Integer
			.parseInt(staff.page("/admin").html().selectFirst("li[data-queue=machine] [data-testid=hub-count]").text()))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void anEditOfALiveArticleIsCheckedAgainAndTheArticleStaysLive() {
		Published f = published();
		Browser staff = staff();
		// an edit of a live article passes the checks again: the finding is recorded, the
		// article stays live
		f.w().browser().page("/studio/articles/" + f.clean());
		HttpResponse<String> edited = f.w()
			.browser()
			.post("/studio/articles/" + f.clean() + "/update", Map.of("_csrf", f.w().browser().csrfToken(), "title",
					"春日随笔", "body", "今天天气很好，顺便网络赌场了解一下。", "channel", "tech", "original", "yes"));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
		assertThat(articleStatus(f.clean())).isEqualTo("published");
		assertThat(row(staff.page("/admin/machine").html(), f.clean()).selectFirst("[data-kind=sensitive-word]").text())
			.contains("网络赌场");
	}

	@Test
	void badStaffActionsAreRefusedAndChangeNothing() {
		Published f = published();
		Browser staff = staff();
		// bad input: nothing changes
		long decisionsBefore = count("SELECT COUNT(*) FROM moderation_decisions");
		assertThat(act(staff, f.flagged(), Map.of("action", "explode")).statusCode()).isEqualTo(400);
		HttpResponse<String> noRule = act(staff, f.flagged(),
				Map.of("action", "take-down", "reason", "sensitive", "rule", "", "statement", "含违规词。"));
		assertThat(noRule.statusCode()).isEqualTo(400);
		assertThat(noRule.body()).contains("规则");
		// the refused row's form is open, says it at the rule picker and keeps what was
		// posted
		Document noRulePage = Jsoup.parse(noRule.body());
		Element refusedRow = row(noRulePage, f.flagged());
		assertThat(refusedRow.select("details[open]")).hasSize(1);
		FieldErrorTies.assertTiedTo(noRulePage, "#rule-" + f.flagged(), "field-error-rule-" + f.flagged());
		assertThat(refusedRow.select("textarea[name=statement]").text()).isEqualTo("含违规词。");
		assertThat(refusedRow.select("select[name=reason] option[selected]").attr("value")).isEqualTo("sensitive");
		assertThat(act(staff, f.flagged(),
				Map.of("action", "take-down", "reason", "bogus", "rule", "第 1 条", "statement", "理由"))
			.statusCode()).isEqualTo(400);
		// the rule is picked from the 平台公约's numbered articles, never typed in
		assertThat(row(staff.page("/admin/machine").html(), f.flagged()).select("[data-testid=rule-picker] option")
			.eachText()).contains("平台公约 一、7 法律法规禁止的其他内容");
		HttpResponse<String> madeUp = act(staff, f.flagged(), Map.of("action", "take-down", "reason", "sensitive",
				"rule", "<script>alert(5)</script>我编的第99条", "statement", "含违规词。"));
		assertThat(madeUp.statusCode()).isEqualTo(400);
		assertThat(madeUp.body()).contains("请从平台公约的条款中选择");
		assertThat(articleStatus(f.flagged())).isEqualTo("published");
		assertThat(count("SELECT COUNT(*) FROM moderation_decisions")).isEqualTo(decisionsBefore);
		assertThat(act(staff, f.clean() + 999_999L, Map.of("action", "hold")).statusCode()).isEqualTo(404);
	}

	@Test
	void aHeldArticleLeavesThePublicPagesAndWaitsInTheReviewQueue() {
		Published f = published();
		Browser staff = staff();
		// hold: the article leaves the public pages and waits in the review queue
		HttpResponse<String> held = act(staff, f.flagged(), Map.of("action", "hold"));
		assertThat(held.statusCode()).isEqualTo(302);
		assertThat(location(held)).startsWith("/admin/machine?done=hold");
		assertThat(staff.page(location(held)).html().selectFirst("[data-testid=machine-done]").text()).contains("审核队列");
		assertThat(articleStatus(f.flagged())).isEqualTo("pending");
		await().atMost(Duration.ofSeconds(10)).until(() -> status("/articles/" + f.flagged()) == 404);
		assertThat(staff.page("/admin/review")
			.html()
			.select("[data-testid=held-articles] tr[data-article=" + f.flagged() + "]")).hasSize(1);
		assertThat(row(staff.page("/admin/machine").html(), f.flagged())).as("no longer live").isNull();
		assertThat(count(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'machine.hold' AND target_id = '" + f.flagged() + "'"))
			.isEqualTo(1);
	}

	@Test
	void aTakenDownArticleIsGoneForReadersAndItsCreatorGetsTheStatementOfReasons() {
		Published f = published();
		Browser staff = staff();
		// take down: 410 for readers, the statement of reasons in the creator's messages
		HttpResponse<String> down = act(staff, f.spam(), Map.of("action", "take-down", "reason", "spam", "rule",
				"平台公约 一、7 法律法规禁止的其他内容", "statement", "文中链接指向诈骗网站。"));
		assertThat(down.statusCode()).isEqualTo(302);
		assertThat(location(down)).contains("done=take-down").contains("ref=MR-");
		assertThat(staff.page(location(down)).html().selectFirst("[data-testid=machine-done]").text()).contains("MR-");
		assertThat(articleStatus(f.spam())).isEqualTo("removed");
		await().atMost(Duration.ofSeconds(10)).until(() -> status("/articles/" + f.spam()) == 410);
		assertThat(count("SELECT COUNT(*) FROM moderation_decisions WHERE source = 'machine' AND subject_id = "
				+ f.spam() + " AND action = 'take-down'"))
			.isEqualTo(1);
		String selector = "[data-testid=message][data-kind=moderation]";
		await().atMost(Duration.ofSeconds(15))
			.until(() -> f.w().browser().page("/messages").html().selectFirst(selector) != null);
		assertThat(f.w().browser().page("/messages").html().selectFirst(selector).text()).contains("平台公约 一、7")
			.contains("/appeals/");
	}

	/**
	 * 30% of a live article pasted into a new text: a text of the fixture classics
	 * (public domain), {@code share} of it taken from the middle of {@code source} and
	 * set between the two halves of {@code own}, trimmed so the result is as long as the
	 * source.
	 */
	static String pasted(String source, String own, double share) {
		int pasted = (int) Math.round(source.length() * share);
		int from = (source.length() - pasted) / 2;
		String mine = own.substring(0, Math.min(own.length(), source.length() - pasted));
		return mine.substring(0, mine.length() / 2) + "\n\n" + source.substring(from, from + pasted) + "\n\n"
				+ mine.substring(mine.length() / 2);
	}

	@Test
	void aTextContainingThirtyPercentOfALiveArticleIsAPartialCopyStaffSeeSideBySide() {
		List<Fixtures.Item> classics = Fixtures.classics();
		Fixtures.Item source = classics.get(65); // 陈情表, 614 characters
		Fixtures.Item own = classics.get(121); // 秋声赋
		Writer original = writer("原作者");
		long sourceId = publish(original, source.title(), source.body());
		await().atMost(Duration.ofSeconds(30)).until(() -> originality.passagesIndexed(sourceId));

		Writer copier = writer("搬运者");
		long copy = publish(copier, "读书札记", pasted(source.body(), own.body(), 0.3));
		// quoting two lines with attribution is not copying
		String essay = classics.get(127).body(); // 愚溪诗序
		long quote = publish(copier, "读《陈情表》", essay.substring(0, 300) + "\n\n李密在《陈情表》中写道：“"
				+ source.body().substring(100, 128) + "”\n\n" + essay.substring(300, 400));
		assertThat(status("/articles/" + copy)).as("live under the default profile").isEqualTo(200);

		Browser staff = staff();
		Document page = staff.page("/admin/machine?kind=copy").html();
		Element row = row(page, copy);
		assertThat(row).as("listed among the copies").isNotNull();
		Element finding = row.selectFirst("[data-kind=partial-copy]");
		assertThat(finding.text()).startsWith("部分复制").contains("来自").contains("《" + source.title() + "》");
		int share = Integer.parseInt(finding.selectFirst("[data-testid=copied-share]").text().replaceAll("\\D", ""));
		assertThat(share).as("the share of the new text copied").isBetween(22, 38);
		assertThat(finding.selectFirst("a[data-testid=matched]").attr("href")).isEqualTo("/articles/" + sourceId);
		assertThat(row(page, quote)).as("a short quotation with attribution is not a copy").isNull();
		assertThat(row(page, sourceId)).as("the source itself is not a copy").isNull();

		Document detail = staff.page(finding.selectFirst("a[data-testid=compare]").attr("href")).html();
		assertThat(detail.selectFirst("[data-testid=partial-copy]").text()).startsWith("部分复制：" + share + "%")
			.contains(source.title());
		Element reviewed = detail.selectFirst("[data-testid=reviewed-text]");
		String marked = String.join("", reviewed.select("mark").eachText());
		assertThat(marked.replaceAll("\\s", "")).as("the pasted passage, and nothing of the creator's own text")
			.contains(source.body().substring(300, 340).replaceAll("\\s", ""))
			.doesNotContain(own.body().substring(0, 12));
		assertThat(detail.selectFirst("[data-testid=matched-text]").select("mark")).isNotEmpty();
	}

	@Test
	void readersAndCreatorsAreRefused() {
		Writer w = writer("另一位作者");
		long id = publish(w, "又一篇", "本店长期代开发票。");
		assertThat(person("读者", Role.READER).get("/admin/machine").statusCode()).isEqualTo(403);
		assertThat(w.browser().get("/admin/machine").statusCode()).isEqualTo(403);
		w.browser().page("/studio");
		assertThat(w.browser()
			.post("/admin/machine/" + id, Map.of("_csrf", w.browser().csrfToken(), "action", "hold"))
			.statusCode()).isEqualTo(403);
		assertThat(articleStatus(id)).isEqualTo("published");
		assertThat(new Browser(port).get("/admin/machine").headers().firstValue("Location").orElse(""))
			.endsWith("/login");
	}

	/** Posts the editor's form of article {@code id} to one of its actions. */
	static HttpResponse<String> editorPost(Writer w, long id, String action, String title, String body,
			Map<String, String> extra) {
		w.browser().page("/studio/articles/" + id);
		Map<String, String> form = new HashMap<>(Map.of("_csrf", w.browser().csrfToken(), "title", title, "body", body,
				"channel", "tech", "original", "yes"));
		form.putAll(extra);
		return w.browser().post("/studio/articles/" + id + "/" + action, form);
	}

	static HttpResponse<String> decide(Browser staff, long id, Map<String, String> fields) {
		staff.page("/admin/review/" + id);
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", staff.csrfToken());
		return staff.post("/admin/review/" + id, form);
	}

	static String tomorrow() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	@Test
	void aRejectedArticleGoesBackToAReviewerWhenItsCreatorPublishesItNeverOnline() {
		Writer w = writer("被拒作者");
		String body = "本店长期代开发票，价格从优。";
		long id = publish(w, "开票", body);
		Browser staff = staff();
		assertThat(act(staff, id, Map.of("action", "hold")).statusCode()).isEqualTo(302);
		HttpResponse<String> rejected = decide(staff, id,
				Map.of("outcome", "rejected", "reasonCode", "spam", "rule", "平台公约 一、7 法律法规禁止的其他内容", "note", "含违规内容。"));
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(302);
		assertThat(articleStatus(id)).isEqualTo("rejected");

		Document editor = w.browser().page("/studio/articles/" + id).html();
		assertThat(editor.select("[data-testid=publish-button]")).as("no 发布").isEmpty();
		assertThat(editor.select("[data-testid=schedule-button]")).as("no 定时发布").isEmpty();
		assertThat(editor.select("input[name=publishAt]")).isEmpty();
		assertThat(editor.selectFirst("[data-testid=submit-button]").text()).isEqualTo("重新提交审核");
		assertThat(editor.select("[data-testid=save-button]")).hasSize(1);

		// a direct 发布 (a stale page, a script) submits it for review again
		HttpResponse<String> published = editorPost(w, id, "publish", "开票", body, Map.of());
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(location(published)).endsWith("/studio/articles/" + id + "?resubmitted");
		assertThat(articleStatus(id)).isEqualTo("pending");
		assertThat(status("/articles/" + id)).isEqualTo(404);
		assertThat(w.browser().page(location(published)).html().selectFirst("[data-testid=flash]").text())
			.contains("重新提交审核");
		assertThat(staff.page("/admin/review").html().select("[data-testid=held-articles] tr[data-article=" + id + "]"))
			.hasSize(1);
	}

	@Test
	void anArticleSentBackForChangesIsNeitherPublishedNorScheduledButSubmittedForReview() {
		Writer w = writer("要改作者");
		Browser staff = staff();
		long[] ids = new long[3];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = publish(w, "开票" + i, "本店长期代开发票，价格从优。" + i);
			assertThat(act(staff, ids[i], Map.of("action", "hold")).statusCode()).isEqualTo(302);
			assertThat(decide(staff, ids[i], Map.of("outcome", "changes", "reasonCode", "spam", "note", "删掉广告。"))
				.statusCode()).isEqualTo(302);
			assertThat(articleStatus(ids[i])).isEqualTo("draft");
		}
		Document editor = w.browser().page("/studio/articles/" + ids[0]).html();
		assertThat(editor.selectFirst("[data-testid=article-status]").attr("data-state")).isEqualTo("changes");
		assertThat(editor.select("[data-testid=publish-button], [data-testid=schedule-button]")).isEmpty();
		assertThat(editor.selectFirst("[data-testid=submit-button]").text()).isEqualTo("重新提交审核");

		// 定时发布 submits it for review now instead of publishing it unchanged later
		HttpResponse<String> scheduled = editorPost(w, ids[0], "schedule", "开票0", "本店长期代开发票。",
				Map.of("publishAt", tomorrow()));
		assertThat(location(scheduled)).endsWith("?resubmitted");
		assertThat(articleStatus(ids[0])).isEqualTo("pending");
		assertThat(articles.scheduledAt(ids[0])).isNull();

		// a direct publish too
		HttpResponse<String> published = editorPost(w, ids[1], "publish", "开票1", "本店长期代开发票。", Map.of());
		assertThat(location(published)).endsWith("?resubmitted");
		assertThat(articleStatus(ids[1])).isEqualTo("pending");

		// a schedule set before (or behind the editor's back) is never published by the
		// scheduler
		jdbc.sql("UPDATE articles SET publish_at = :at WHERE id = :id")
			.param("at", System.currentTimeMillis() - 1_000)
			.param("id", ids[2])
			.update();
		articles.publishDue(System.currentTimeMillis());
		assertThat(articleStatus(ids[2])).isEqualTo("pending");
		assertThat(status("/articles/" + ids[2])).isEqualTo(404);
	}

	@Test
	void aHeldArticleDeletedAndRestoredStillGoesToAReviewer() {
		Writer w = writer("绕路作者");
		long id = publish(w, "开票", "本店长期代开发票。");
		assertThat(act(staff(), id, Map.of("action", "hold")).statusCode()).isEqualTo(302);
		w.browser().page("/studio");
		assertThat(w.browser()
			.post("/studio/articles/" + id + "/delete", Map.of("_csrf", w.browser().csrfToken()))
			.statusCode()).isEqualTo(302);
		assertThat(w.browser()
			.post("/studio/articles/" + id + "/restore", Map.of("_csrf", w.browser().csrfToken()))
			.statusCode()).isEqualTo(302);
		assertThat(articleStatus(id)).isEqualTo("draft");
		HttpResponse<String> published = editorPost(w, id, "publish", "开票", "本店长期代开发票。", Map.of());
		assertThat(location(published)).endsWith("?resubmitted");
		assertThat(articleStatus(id)).isEqualTo("pending");
	}

	@Test
	void anUpdateTheMachineReviewWouldHoldLeavesThePublicUntilAReviewerApproves() {
		settings.put(ComplianceProfile.OVERRIDE_PREFIX + "hold-flagged", "true", null);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> profile.on("hold-flagged"));
			Writer w = writer("更新作者");
			long viaUpdate = publish(w, "春游", "今天天气很好，去公园散步。");
			long viaSave = publish(w, "秋游", "今天天气很好，去山里走走。");
			assertThat(status("/articles/" + viaUpdate)).isEqualTo(200);

			HttpResponse<String> updated = editorPost(w, viaUpdate, "update", "春游", "今天天气很好，顺便网络赌场了解一下。", Map.of());
			assertThat(updated.statusCode()).isEqualTo(302);
			assertThat(location(updated)).endsWith("/studio/articles/" + viaUpdate + "?updateHeld");
			assertThat(articleStatus(viaUpdate)).isEqualTo("pending");
			await().atMost(Duration.ofSeconds(10)).until(() -> status("/articles/" + viaUpdate) == 404);
			Document editor = w.browser().page(location(updated)).html();
			assertThat(editor.selectFirst("[data-testid=flash]").text()).contains("审核");
			assertThat(editor.selectFirst("[data-testid=held-explain]").text()).contains("违规词");
			assertThat(staff().page("/admin/review")
				.html()
				.select("[data-testid=held-articles] tr[data-article=" + viaUpdate + "]")).hasSize(1);

			// a stale tab's 保存草稿 on a published article takes the same path
			HttpResponse<String> saved = editorPost(w, viaSave, "save", "秋游", "今天天气很好，顺便网络赌场了解一下。", Map.of());
			assertThat(location(saved)).endsWith("?updateHeld");
			assertThat(articleStatus(viaSave)).isEqualTo("pending");

			// approved: the edit goes public
			assertThat(decide(staff(), viaUpdate, Map.of("outcome", "approved")).statusCode()).isEqualTo(302);
			assertThat(articleStatus(viaUpdate)).isEqualTo("published");
		}
		finally {
			settings.put(ComplianceProfile.OVERRIDE_PREFIX + "hold-flagged", null, null);
		}
	}

}
