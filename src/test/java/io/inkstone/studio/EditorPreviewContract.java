package io.inkstone.studio;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.articles.Articles;
import io.inkstone.articles.DraftRules;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.shared.PlatformDays;
import io.inkstone.shared.SiteSettings;
import io.inkstone.support.Browser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /studio/preview} over real HTTP, the side-by-side preview's renderer: the
 * same HTML the article page gets (sanitized), only for a signed-in creator, only with
 * the CSRF token, refused over the editor's size limit, nothing stored. Runs once per
 * database.
 */
abstract class EditorPreviewContract {

	static final String PASSWORD = "preview-password-1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	Articles articles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteSettings settings;

	String account(boolean creator) {
		String email = "pv" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		long id = accounts.signUp(email, PASSWORD, "预览者", Role.READER).orElseThrow().accountId();
		if (creator) {
			assertThat(applications.apply(id,
					new CreatorApplications.Form("个人", "预览" + Long.toString(System.nanoTime(), 36),
							"pv" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "", "travel", "微信 pv", "", "",
							true)))
				.isEmpty();
			applications.approve(applications.of(id).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		}
		return email;
	}

	Browser signIn(String email) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	static HttpResponse<String> preview(Browser b, String body, boolean withToken) {
		Browser sender = withToken ? b.header("X-XSRF-TOKEN", b.csrfToken()) : b;
		return sender.post("/studio/preview", Map.of("body", body), "application/json");
	}

	@Test
	void aCreatorGetsTheArticlePagesHtmlSanitized() {
		Browser me = signIn(account(true));
		me.page("/studio/articles/new");
		long drafts = articlesCount();
		String markdown = "## 小标题\n\n**晴方好** [链接](https://example.com/)\n\n<script>alert(1)</script>"
				+ "<img src=x onerror=alert(2)>";
		HttpResponse<String> r = preview(me, markdown, true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		String html = JSON.readTree(r.body()).get("html").asString();
		assertThat(html).isEqualTo(articles.renderBody(markdown));
		assertThat(html).contains("<h2", "<strong>晴方好</strong>", "https://example.com/");
		assertThat(html).doesNotContain("<script", "onerror");
		assertThat(articlesCount()).as("a preview stores nothing").isEqualTo(drafts);
	}

	@Test
	void withoutTheCsrfTokenOrSignedOutOrAsAReaderNothingIsRendered() {
		Browser creator = signIn(account(true));
		HttpResponse<String> noToken = preview(creator, "**x**", false);
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(noToken.body()).doesNotContain("<strong>x</strong>");

		Browser anonymous = new Browser(port);
		HttpResponse<String> signedOut = preview(anonymous, "**x**", true);
		assertThat(signedOut.statusCode()).isIn(302, 401, 403);
		assertThat(signedOut.body()).doesNotContain("<strong>x</strong>");

		Browser reader = signIn(account(false));
		HttpResponse<String> notCreator = preview(reader, "**x**", true);
		assertThat(notCreator.statusCode()).isIn(403, 404);
		assertThat(notCreator.body()).doesNotContain("<strong>x</strong>");
	}

	@Test
	void aBodyOverTheEditorsLimitIsRefusedWithAMessage() {
		Browser me = signIn(account(true));
		HttpResponse<String> r = preview(me, "字".repeat(DraftRules.MAX_BODY + 1), true);
		assertThat(r.statusCode()).isEqualTo(413);
		JsonNode json = JSON.readTree(r.body());
		assertThat(json.get("error").asString()).contains("无法预览");
		assertThat(json.has("html")).isFalse();
		assertThat(preview(me, "字".repeat(DraftRules.MAX_BODY), true).statusCode()).isEqualTo(200);
	}

	private long articlesCount() {
		return jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
	}

	@Test
	void theScheduleFieldNamesTheSitesTimeZone() {
		Browser me = signIn(account(true));
		assertThat(me.page("/studio/articles/new").html().selectFirst("input[name=publishAt]").parent().text())
			.contains("北京时间");
		settings.put(SiteSettings.TIME_ZONE, "America/New_York", null);
		try {
			assertThat(PlatformDays.zone().getId()).isEqualTo("America/New_York");
			String label = me.page("/studio/articles/new").html().selectFirst("input[name=publishAt]").parent().text();
			assertThat(label).contains("站点时间 America/New_York").doesNotContain("北京时间");
		}
		finally {
			settings.put(SiteSettings.TIME_ZONE, null, null);
		}
		assertThat(PlatformDays.zone().getId()).isEqualTo("Asia/Shanghai");
	}

	@Test
	void aNewArticleIsMadeOncePerFormWhateverIsPressedTwice() {
		Browser me = signIn(account(true));
		String key = me.page("/studio/articles/new").html().selectFirst("input[name=submissionKey]").val();
		assertThat(key).hasSizeGreaterThanOrEqualTo(16);
		assertThat(me.page("/studio/articles/new").html().selectFirst("input[name=submissionKey]").val())
			.as("a fresh key per form")
			.isNotEqualTo(key);
		String title = "一次" + Long.toString(System.nanoTime(), 36);
		Map<String, String> fields = new HashMap<>(Map.of("_csrf", me.csrfToken(), "title", title, "body", "湖光山色，晴方好。",
				"channel", "tech", "original", "yes", "submissionKey", key));
		// 预览 saves a draft; Back, then 发布 from the same form — pressed twice at once
		HttpResponse<String> previewed = me.post("/studio/articles/preview", fields);
		assertThat(previewed.statusCode()).isEqualTo(200);
		List<CompletableFuture<HttpResponse<String>>> presses = List.of(
				CompletableFuture.supplyAsync(() -> me.post("/studio/articles/publish", fields)),
				CompletableFuture.supplyAsync(() -> me.post("/studio/articles/publish", fields)));
		for (CompletableFuture<HttpResponse<String>> press : presses) {
			HttpResponse<String> r = press.join();
			assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).contains("?published");
		}
		assertThat(
				jdbc.sql("SELECT status FROM articles WHERE title = :t").param("t", title).query(String.class).list())
			.containsExactly("published");
		// another form is another article
		fields.put("submissionKey",
				me.page("/studio/articles/new").html().selectFirst("input[name=submissionKey]").val());
		assertThat(me.post("/studio/articles/publish", fields).statusCode()).isEqualTo(302);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM articles WHERE title = :t").param("t", title).query(Long.class).single())
			.isEqualTo(2);
	}

}
