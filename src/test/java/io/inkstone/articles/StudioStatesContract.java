package io.inkstone.articles;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.shared.Ids;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import io.inkstone.support.FieldErrorTies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.SignedInRoles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The studio's article states and actions over real HTTP: the states a creator
 * understands (tabs with counts, the reviewer's note, the takedown reason and appeal
 * link, the 回收站), one primary action per state with a message after each, the published
 * article's update path (never the schedule path), delete with a confirmation, restore
 * within 30 days — bad input answered 400 with nothing stored, and someone else's article
 * answered 404. Runs once per database (see the SQLite and PostgreSQL subclasses).
 */
@Import(SignedInRoles.class)
abstract class StudioStatesContract {

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A signed-in creator approved through 申请入驻; returns the browser and the creator id.
	 */
	record Writer(Browser browser, long creatorId) {
	}

	Writer writer() {
		SignedInRoles.Creator creator = roles.creator();
		return new Writer(creator.signIn(), creator.creatorId());
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	static long idIn(String location) {
		return Long.parseLong(location.replaceAll(".*/studio/articles/(\\d+).*", "$1"));
	}

	Map<String, String> form(Browser b, String title, String action) {
		Map<String, String> form = new HashMap<>(Map.of("_csrf", b.csrfToken(), "title", title, "body",
				title + "：正文第一段。\n\n第二段，" + unique("x") + "。", "channel", "tech", "original", "yes", "action", action));
		return form;
	}

	long draft(Writer w, String title) {
		w.browser().page("/studio/articles/new");
		HttpResponse<String> r = w.browser().post("/studio/articles", form(w.browser(), title, "save"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		assertThat(location(r)).endsWith("?saved");
		return idIn(location(r));
	}

	long countArticles(long creatorId) {
		return jdbc.sql("SELECT COUNT(*) FROM articles WHERE creator_id = :c")
			.param("c", creatorId)
			.query(Long.class)
			.single();
	}

	String title(long id) {
		return jdbc.sql("SELECT title FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	static Element row(Document studio, long id) {
		return studio.selectFirst("[data-testid=studio-articles] tr[data-article=" + id + "]");
	}

	static String flash(Browser b, String location) {
		Element flash = b.page(location).html().selectFirst("[data-testid=flash]");
		return flash == null ? null : flash.text();
	}

	/** A creator with one article in each state the studio shows. */
	record Shelf(Writer w, long draft, long scheduled, long held, long changes, long live, long removed, long trashed) {
	}

	/**
	 * One article in each state, each brought there as it happens on the site: scheduled
	 * and published from the editor (each with its message), held by a finding, sent back
	 * by a reviewer's request for changes with a note, taken down on a report, and
	 * deleted into the 回收站.
	 */
	Shelf shelf() {
		Writer w = writer();
		long draft = draft(w, "草稿一篇");
		long scheduled = draft(w, "定时一篇");
		w.browser().page("/studio/articles/" + scheduled);
		Map<String, String> schedule = form(w.browser(), "定时一篇", "schedule");
		schedule.put("publishAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withSecond(0).withNano(0).toString());
		HttpResponse<String> scheduledResponse = w.browser().post("/studio/articles/" + scheduled, schedule);
		assertThat(location(scheduledResponse)).endsWith("?scheduled");
		assertThat(flash(w.browser(), location(scheduledResponse))).contains("已设置定时发布").contains("将于");

		// a held article says why it waits; a reviewer's request for changes shows the
		// note in the editor
		long held = draft(w, "待审一篇");
		long changes = draft(w, "需改一篇");
		long now = System.currentTimeMillis();
		for (long id : List.of(held, changes)) {
			jdbc.sql("UPDATE articles SET status = 'pending' WHERE id = :id").param("id", id).update();
			jdbc.sql(
					"INSERT INTO review_findings (id, article_id, kind, detail, matched_id, created_at) VALUES (:id, :a, 'link-spam', '5', NULL, :t)")
				.param("id", Ids.next())
				.param("a", id)
				.param("t", now)
				.update();
		}
		Browser staff = roles.reviewer();
		staff.page("/admin/review/" + changes);
		assertThat(staff
			.post("/admin/review/" + changes, Map.of("_csrf", staff.csrfToken(), "outcome", "changes", "reasonCode",
					"quality", "note", "请删去文末的推广链接。"))
			.statusCode()).isEqualTo(302);

		// published, and one taken down on a report: it stays in the creator's list with
		// the reason and the appeal
		w.browser().page("/studio/articles/new");
		HttpResponse<String> published = w.browser().post("/studio/articles", form(w.browser(), "已发一篇", "publish"));
		assertThat(location(published)).contains("?published");
		long live = idIn(location(published));
		assertThat(flash(w.browser(), location(published))).contains("已发布");
		HttpResponse<String> removedResponse = w.browser()
			.post("/studio/articles", form(w.browser(), "下架一篇", "publish"));
		long removed = idIn(location(removedResponse));
		articles.takeDown(removed, "违反平台公约第 3 条（JB-TEST）");
		long trashed = draft(w, "删掉一篇");
		w.browser().page("/studio/articles/" + trashed + "/delete");
		assertThat(w.browser()
			.post("/studio/articles/" + trashed + "/delete", Map.of("_csrf", w.browser().csrfToken()))
			.statusCode()).isEqualTo(302);
		return new Shelf(w, draft, scheduled, held, changes, live, removed, trashed);
	}

	@Test
	void everyStateHasItsTabWithItsCount() {
		Shelf shelf = shelf();
		Document studio = shelf.w().browser().page("/studio").html();
		Map<String, String> counts = new HashMap<>();
		for (Element tab : studio.select("[data-testid=studio-tabs] a[data-tab]")) {
			counts.put(tab.attr("data-tab"), tab.selectFirst("[data-testid=tab-count]").text());
		}
		assertThat(counts).containsEntry("all", "6")
			.containsEntry("draft", "1")
			.containsEntry("scheduled", "1")
			.containsEntry("pending", "1")
			.containsEntry("changes", "1")
			.containsEntry("published", "1")
			.containsEntry("removed", "1")
			.containsEntry("trash", "1")
			.doesNotContainKey("rejected");
		assertThat(studio.selectFirst("[data-testid=studio-tabs] a[aria-current=page]").attr("data-tab"))
			.isEqualTo("all");
	}

	@Test
	void eachRowSaysWhatTheCreatorMustKnowAboutItsState() {
		Shelf shelf = shelf();
		Document studio = shelf.w().browser().page("/studio").html();
		assertThat(row(studio, shelf.draft()).selectFirst("[data-testid=state]").text()).isEqualTo("草稿");
		assertThat(row(studio, shelf.draft()).select("a.title-link[href=/studio/articles/" + shelf.draft() + "]"))
			.hasSize(1);
		assertThat(row(studio, shelf.scheduled()).selectFirst("[data-testid=state]").text()).isEqualTo("定时");
		assertThat(row(studio, shelf.scheduled()).selectFirst("[data-testid=scheduled]").text()).startsWith("将于");
		assertThat(row(studio, shelf.held()).selectFirst("[data-testid=state]").text()).isEqualTo("审核中");
		assertThat(row(studio, shelf.held()).selectFirst("[data-testid=held-because]").text()).contains("链接过多");
		assertThat(row(studio, shelf.changes()).selectFirst("[data-testid=state]").text()).isEqualTo("需修改");
		assertThat(row(studio, shelf.changes()).selectFirst("[data-testid=state-note]").text()).contains("请删去文末的推广链接");
		assertThat(row(studio, shelf.live()).selectFirst("[data-testid=state]").text()).isEqualTo("已发布");
		assertThat(row(studio, shelf.removed()).selectFirst("[data-testid=state]").text()).isEqualTo("已下架");
		assertThat(row(studio, shelf.removed()).selectFirst("[data-testid=state-note]").text()).contains("违反平台公约第 3 条");
		assertThat(row(studio, shelf.removed()).select("[data-testid=appeal-link]")).hasSize(1);
		assertThat(row(studio, shelf.trashed())).as("the 回收站 is its own tab").isNull();
	}

	@Test
	void theTrashAndTheChangesTabListOnlyTheirOwnArticles() {
		Shelf shelf = shelf();
		Document trash = shelf.w().browser().page("/studio?tab=trash").html();
		assertThat(trash.select("[data-testid=studio-articles] tbody tr")).hasSize(1);
		assertThat(row(trash, shelf.trashed()).text()).contains("可恢复至");
		assertThat(row(trash, shelf.trashed()).select("a[href=/studio/articles/" + shelf.trashed() + "]")).isEmpty();
		Document changesTab = shelf.w().browser().page("/studio?tab=changes").html();
		assertThat(changesTab.select("[data-testid=studio-articles] tbody tr")).hasSize(1);
		assertThat(changesTab.selectFirst("[data-testid=studio-tabs] a[aria-current=page]").attr("data-tab"))
			.isEqualTo("changes");
	}

	@Test
	void theEditorOfEachStateShowsItsNoteAndOnePrimaryAction() {
		Shelf shelf = shelf();
		Browser b = shelf.w().browser();
		Document changesEditor = b.page("/studio/articles/" + shelf.changes()).html();
		assertThat(changesEditor.selectFirst("[data-testid=review-note]").text()).contains("请删去文末的推广链接");
		assertThat(changesEditor.select("[data-testid=editor-actions] .button-primary").eachAttr("data-testid"))
			.containsExactly("submit-button");
		Document heldEditor = b.page("/studio/articles/" + shelf.held()).html();
		assertThat(heldEditor.selectFirst("[data-testid=held-explain]").text()).contains("链接过多").contains("消息中心");
		assertThat(heldEditor.select("[data-testid=editor-actions] .button-primary")).isEmpty();
		Document draftEditor = b.page("/studio/articles/" + shelf.draft()).html();
		assertThat(draftEditor.select("[data-testid=editor-actions] .button-primary").eachAttr("data-testid"))
			.containsExactly("publish-button");
		assertThat(draftEditor.select("[data-testid=schedule-button]")).hasSize(1);
		Document liveEditor = b.page("/studio/articles/" + shelf.live()).html();
		assertThat(liveEditor.select("[data-testid=editor-actions] .button-primary").eachAttr("data-testid"))
			.containsExactly("update-button");
		assertThat(
				liveEditor.select("[data-testid=schedule-button], [data-testid=publish-button], input[name=publishAt]"))
			.isEmpty();
		assertThat(liveEditor.select("[data-testid=correction]")).hasSize(1);
		assertThat(b.get("/studio/articles/" + shelf.removed()).statusCode()).isEqualTo(404);
	}

	@Test
	void resubmittingAnArticleWithChangesSendsItBackToReviewWithAMessage() {
		Shelf shelf = shelf();
		Browser b = shelf.w().browser();
		b.page("/studio/articles/" + shelf.changes());
		HttpResponse<String> resubmitted = b.post("/studio/articles/" + shelf.changes(), form(b, "需改一篇（改好）", "submit"));
		assertThat(location(resubmitted)).isEqualTo("/studio/articles/" + shelf.changes() + "?resubmitted");
		assertThat(flash(b, location(resubmitted))).isNotBlank();
	}

	@Test
	void aPublishedArticleIsUpdatedWithACorrectionAndNeverScheduled() {
		Writer w = writer();
		w.browser().page("/studio/articles/new");
		long id = idIn(location(w.browser().post("/studio/articles", form(w.browser(), "春日", "publish"))));
		w.browser().page("/studio/articles/" + id);

		// the schedule path on a published article: 400 with the field message, and the
		// edit is not stored
		Map<String, String> schedule = form(w.browser(), "春日（改）", "schedule");
		schedule.put("publishAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withSecond(0).withNano(0).toString());
		HttpResponse<String> refused = w.browser().post("/studio/articles/" + id, schedule);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[data-field=publishAt]").text()).contains("只有草稿可以定时发布");
		assertThat(title(id)).isEqualTo("春日");

		// 更新 with a 更正说明: live at once, with a message and the way to the article
		Map<String, String> update = form(w.browser(), "春日（修订）", "update");
		update.put("correction", "更正：标题补上修订字样。");
		HttpResponse<String> updated = w.browser().post("/studio/articles/" + id, update);
		assertThat(updated.statusCode()).isEqualTo(302);
		assertThat(location(updated)).isEqualTo("/studio/articles/" + id + "?updated");
		Document editor = w.browser().page(location(updated)).html();
		assertThat(editor.selectFirst("[data-testid=flash]").text()).contains("已更新");
		assertThat(editor.select("[data-testid=view-article]").attr("href")).isEqualTo("/articles/" + id);
		assertThat(title(id)).isEqualTo("春日（修订）");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM article_revisions WHERE article_id = :id AND note IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the old red 发布 button still posted by an open tab: an update too, never an
		// error
		Map<String, String> publish = form(w.browser(), "春日（再修订）", "publish");
		HttpResponse<String> again = w.browser().post("/studio/articles/" + id, publish);
		assertThat(location(again)).isEqualTo("/studio/articles/" + id + "?updated");

		// unpublish answers with a message too
		HttpResponse<String> unpublished = w.browser()
			.post("/studio/articles/" + id, Map.of("_csrf", w.browser().csrfToken(), "action", "unpublish"));
		assertThat(flash(w.browser(), location(unpublished))).contains("已撤回发布");
	}

	@Test
	void eachButtonPostsToItsOwnEndpointAndABadFieldIsMarkedWhereItIs() {
		Writer w = writer();
		Document empty = w.browser().page("/studio/articles/new").html();
		assertThat(empty.selectFirst("[data-testid=save-button]").attr("formaction"))
			.isEqualTo("/studio/articles/save");
		assertThat(empty.selectFirst("[data-testid=publish-button]").attr("formaction"))
			.isEqualTo("/studio/articles/publish");
		// a 101-character title: 400, nothing stored, the typed body kept, the title
		// marked with its message
		String body = "我写的正文，一个字也不能丢。" + unique("b");
		Map<String, String> bad = form(w.browser(), "题".repeat(101), "save");
		bad.remove("action");
		bad.put("body", body);
		long before = countArticles(w.creatorId());
		HttpResponse<String> refused = w.browser().post("/studio/articles/save", bad);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(countArticles(w.creatorId())).isEqualTo(before);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(body);
		Element title = page.selectFirst("input[name=title]");
		assertThat(title.attr("value")).isEqualTo("题".repeat(101));
		assertThat(title.attr("aria-invalid")).isEqualTo("true");
		Element message = page.getElementById(title.attr("aria-describedby"));
		assertThat(message).isNotNull();
		assertThat(message.attr("data-field")).isEqualTo("title");
		assertThat(message.text()).isNotBlank();
		assertThat(page.selectFirst("textarea[name=body]").hasAttr("aria-invalid")).isFalse();
		// the same form, fixed, saves at its own endpoint; the article's buttons then
		// post to the article's
		Map<String, String> good = form(w.browser(), "各有其址", "save");
		good.remove("action");
		good.put("original", "ticked"); // a ticked box whatever value it posts
		HttpResponse<String> saved = w.browser().post("/studio/articles/save", good);
		assertThat(location(saved)).endsWith("?saved");
		long id = idIn(location(saved));
		assertThat(articles.find(id).orElseThrow().original()).isTrue();
		Document editor = w.browser().page("/studio/articles/" + id).html();
		assertThat(editor.selectFirst("[data-testid=publish-button]").attr("formaction"))
			.isEqualTo("/studio/articles/" + id + "/publish");
		Map<String, String> publish = form(w.browser(), "各有其址", "save");
		publish.remove("action");
		assertThat(location(w.browser().post("/studio/articles/" + id + "/publish", publish)))
			.matches(".*\\?(published|pending)");
		// someone else's article: 404 at every endpoint
		Writer other = writer();
		other.browser().page("/studio");
		for (String action : List.of("save", "publish", "update", "unpublish", "unschedule")) {
			Map<String, String> theirs = form(other.browser(), "不是我的", "save");
			theirs.remove("action");
			assertThat(other.browser().post("/studio/articles/" + id + "/" + action, theirs).statusCode()).as(action)
				.isEqualTo(404);
		}
	}

	@Test
	void everyActionSaysWhatHappened() {
		Writer w = writer();
		long id = draft(w, "消息");
		assertThat(flash(w.browser(), "/studio/articles/" + id + "?saved")).contains("草稿已保存");
		// preview saves the draft
		w.browser().page("/studio/articles/" + id);
		HttpResponse<String> preview = w.browser()
			.post("/studio/articles/" + id, form(w.browser(), "消息（预览时改）", "preview"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(preview.body()).selectFirst("[data-testid=flash]").text()).contains("草稿已保存");
		assertThat(title(id)).isEqualTo("消息（预览时改）");
		long before = countArticles(w.creatorId());
		w.browser().page("/studio/articles/new");
		HttpResponse<String> newPreview = w.browser().post("/studio/articles", form(w.browser(), "预览即保存", "preview"));
		assertThat(countArticles(w.creatorId())).isEqualTo(before + 1);
		assertThat(Jsoup.parse(newPreview.body()).selectFirst("[data-testid=editor-form]").attr("action"))
			.matches("/studio/articles/\\d+");
		// schedule and unschedule
		w.browser().page("/studio/articles/" + id);
		Map<String, String> schedule = form(w.browser(), "消息", "schedule");
		schedule.put("publishAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(3).withSecond(0).withNano(0).toString());
		assertThat(location(w.browser().post("/studio/articles/" + id, schedule))).endsWith("?scheduled");
		Document scheduled = w.browser().page("/studio/articles/" + id).html();
		assertThat(scheduled.selectFirst("[data-testid=article-status]").text()).isEqualTo("定时");
		HttpResponse<String> unscheduled = w.browser()
			.post("/studio/articles/" + id, Map.of("_csrf", w.browser().csrfToken(), "action", "unschedule"));
		assertThat(flash(w.browser(), location(unscheduled))).contains("已取消定时");
		assertThat(articles.scheduledAt(id)).isNull();
	}

	@Test
	void deleteAsksFirstAndTheTrashRestoresWithinThirtyDays() {
		Writer w = writer();
		long id = draft(w, "要删的");
		// the button in the editor is a link to the confirmation; posting delete from the
		// form asks too
		Document editor = w.browser().page("/studio/articles/" + id).html();
		assertThat(editor.selectFirst("[data-testid=delete-button]").attr("href"))
			.isEqualTo("/studio/articles/" + id + "/delete");
		HttpResponse<String> viaForm = w.browser()
			.post("/studio/articles/" + id, Map.of("_csrf", w.browser().csrfToken(), "action", "delete"));
		assertThat(location(viaForm)).isEqualTo("/studio/articles/" + id + "/delete");
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("draft");
		Document confirm = w.browser().page("/studio/articles/" + id + "/delete").html();
		assertThat(confirm.selectFirst("[data-testid=delete-confirm]").text()).contains("要删的").contains("30 天");
		assertThat(confirm.select("[data-testid=cancel-delete]").attr("href")).isEqualTo("/studio/articles/" + id);

		HttpResponse<String> deleted = w.browser()
			.post("/studio/articles/" + id + "/delete", Map.of("_csrf", w.browser().csrfToken()));
		assertThat(location(deleted)).isEqualTo("/studio?tab=trash&deleted");
		Document trash = w.browser().page(location(deleted)).html();
		assertThat(trash.selectFirst("[data-testid=flash]").text()).contains("回收站");
		assertThat(row(trash, id)).isNotNull();

		HttpResponse<String> restored = w.browser()
			.post("/studio/articles/" + id + "/restore", Map.of("_csrf", w.browser().csrfToken()));
		assertThat(location(restored)).isEqualTo("/studio/articles/" + id + "?restored");
		assertThat(flash(w.browser(), location(restored))).contains("恢复");
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("draft");

		// deleted 31 days ago: gone from the trash, and only the platform can restore it
		w.browser().page("/studio/articles/" + id + "/delete");
		w.browser().post("/studio/articles/" + id + "/delete", Map.of("_csrf", w.browser().csrfToken()));
		long old = System.currentTimeMillis() - Duration.ofDays(31).toMillis();
		jdbc.sql("UPDATE articles SET updated_at = :t WHERE id = :id").param("t", old).param("id", id).update();
		assertThat(row(w.browser().page("/studio?tab=trash").html(), id)).isNull();
		assertThat(w.browser()
			.post("/studio/articles/" + id + "/restore", Map.of("_csrf", w.browser().csrfToken()))
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("deleted");
	}

	@Test
	void deletingOrRestoringTwiceFindsItDoneAndLosesNothing() {
		Writer w = writer();
		long id = draft(w, "删两次");
		Browser b = w.browser();
		b.page("/studio/articles/" + id + "/delete");
		assertThat(location(b.post("/studio/articles/" + id + "/delete", Map.of("_csrf", b.csrfToken()))))
			.isEqualTo("/studio?tab=trash&deleted");
		// a second tab or the back button: the confirmation and the button find it in the
		// 回收站 already
		HttpResponse<String> confirmAgain = b.get("/studio/articles/" + id + "/delete");
		assertThat(confirmAgain.statusCode()).isEqualTo(302);
		assertThat(location(confirmAgain)).isEqualTo("/studio?tab=trash");
		// the second click finds it done, and the page says nothing changed (it said
		// "deleted" again)
		assertThat(location(b.post("/studio/articles/" + id + "/delete", Map.of("_csrf", b.csrfToken()))))
			.isEqualTo("/studio?tab=trash&unchanged");
		assertThat(row(b.page("/studio?tab=trash").html(), id)).isNotNull();

		assertThat(location(b.post("/studio/articles/" + id + "/restore", Map.of("_csrf", b.csrfToken()))))
			.isEqualTo("/studio/articles/" + id + "?restored");
		assertThat(location(b.post("/studio/articles/" + id + "/restore", Map.of("_csrf", b.csrfToken()))))
			.isEqualTo("/studio/articles/" + id + "?unchanged");
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("draft");
		assertThat(b.page("/studio/articles/" + id).html().selectFirst("textarea[name=body]").text())
			.contains("删两次：正文第一段");
	}

	@Test
	void anActionOnAnArticleAlreadyInItsTargetStateSaysNothingChanged() {
		Writer w = writer();
		Browser b = w.browser();
		b.page("/studio/articles/new");
		long id = idIn(location(b.post("/studio/articles", form(b, "原地不动", "save"))));
		String base = "/studio/articles/" + id;
		for (String action : List.of("unpublish", "restore", "unschedule")) {
			b.page(base);
			HttpResponse<String> r = b.post(base + "/" + action, Map.of("_csrf", b.csrfToken()));
			assertThat(location(r)).as(action).endsWith("?unchanged");
			assertThat(b.page(location(r)).html().text()).as(action)
				.contains("没有变化")
				.doesNotContain("已撤回发布")
				.doesNotContain("已从回收站恢复")
				.doesNotContain("已取消定时发布");
		}
	}

	@Test
	void badInputIsRefusedWithAFieldMessageAndNothingStored() {
		Writer w = writer();
		Browser b = w.browser();
		assertThat(b.get("/studio?tab=nonsense").statusCode()).isEqualTo(400);
		long before = countArticles(w.creatorId());
		b.page("/studio/articles/new");
		Map<String, String> badTime = form(b, "坏时间", "schedule");
		badTime.put("publishAt", "2020-01-01T08:00");
		HttpResponse<String> refused = b.post("/studio/articles", badTime);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[data-field=publishAt]").text()).isNotBlank();
		FieldErrorTies.assertTied(Jsoup.parse(refused.body()), "input[name=publishAt]", "publishAt");
		HttpResponse<String> unknown = b.post("/studio/articles", form(b, "怪动作", "explode"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).selectFirst("[data-field=action]").text()).contains("什么也没有保存");
		Map<String, String> noTitle = form(b, "", "save");
		HttpResponse<String> empty = b.post("/studio/articles", noTitle);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(empty.body()).selectFirst("[data-field=title]").text()).isNotBlank();
		assertThat(countArticles(w.creatorId())).isEqualTo(before);
		long id = draft(w, "已有");
		b.page("/studio/articles/" + id);
		assertThat(b.post("/studio/articles/" + id, form(b, "改成怪动作", "explode")).statusCode()).isEqualTo(400);
		assertThat(title(id)).isEqualTo("已有");
		// restoring a published article (not in the trash) is refused and changes nothing
		b.page("/studio/articles/" + id);
		b.post("/studio/articles/" + id + "/publish", form(b, "已有", "publish"));
		String published = status(id);
		assertThat(published).isIn("published", "pending");
		assertThat(b.post("/studio/articles/" + id + "/restore", Map.of("_csrf", b.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(status(id)).isEqualTo(published);
	}

	@Test
	void someoneElsesArticleIsNotFoundAndReadersAndStrangersAreKeptOut() {
		Writer owner = writer();
		long id = draft(owner, "我的");
		owner.browser().page("/studio/articles/" + id + "/delete");
		long trashed = draft(owner, "我删的");
		owner.browser().post("/studio/articles/" + trashed + "/delete", Map.of("_csrf", owner.browser().csrfToken()));

		Writer other = writer();
		Browser o = other.browser();
		o.page("/studio");
		assertThat(o.get("/studio/articles/" + id + "/delete").statusCode()).isEqualTo(404);
		assertThat(o.post("/studio/articles/" + id + "/delete", Map.of("_csrf", o.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(o.post("/studio/articles/" + trashed + "/restore", Map.of("_csrf", o.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(
				o.post("/studio/articles/" + id, Map.of("_csrf", o.csrfToken(), "action", "unschedule")).statusCode())
			.isEqualTo(404);
		assertThat(row(o.page("/studio?tab=trash").html(), trashed)).isNull();

		Browser reader = roles.reader();
		reader.page("/");
		assertThat(reader.get("/studio/articles/" + id + "/delete").statusCode()).isEqualTo(403);
		assertThat(reader.post("/studio/articles/" + id + "/delete", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isEqualTo(403);
		assertThat(reader.post("/studio/articles/" + trashed + "/restore", Map.of("_csrf", reader.csrfToken()))
			.statusCode()).isEqualTo(403);
		Browser anonymous = new Browser(port);
		assertThat(location(anonymous.get("/studio/articles/" + id + "/delete"))).endsWith("/login");
		// without a CSRF token nothing happens
		assertThat(owner.browser().post("/studio/articles/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("draft");
		assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id")
			.param("id", trashed)
			.query(String.class)
			.single()).isEqualTo("deleted");
	}

}
