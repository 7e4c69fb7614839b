package io.inkstone.studio;

import java.net.http.HttpResponse;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.articles.Articles;
import io.inkstone.articles.DraftRules;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
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

}
