package io.inkstone.pages;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.inkstone.support.Browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.FieldErrorTies.assertTied;
import static io.inkstone.support.FieldErrorTies.assertValid;
import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static pages over HTTP, as an admin and a reader meet them: create, edit (the earlier
 * version kept), nested paths, footer order, hostile Markdown inert, 404 for unknown
 * paths and 403 for non-admins. Runs once per database.
 */
abstract class StaticPagesContract {

	static final String ADMIN_EMAIL = "pages-admin@inkstone.test";

	static final String ADMIN_PASSWORD = "admin-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static final Map<Integer, Browser> ADMINS = new ConcurrentHashMap<>();

	Browser admin() {
		return ADMINS.computeIfAbsent(port, p -> {
			Browser b = new Browser(port);
			b.page("/login");
			HttpResponse<String> r = b.post("/login",
					Map.of("_csrf", b.csrfToken(), "email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return b;
		});
	}

	static Map<String, String> form(Browser b, String path, String title, String body, String footer) {
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", b.csrfToken());
		form.put("path", path);
		form.put("title", title);
		form.put("body", body);
		form.put("footer", footer);
		return form;
	}

	/** Creates a page through the admin form; returns its edit address. */
	String create(String path, String title, String body, String footer) {
		Browser admin = admin();
		admin.page("/admin/pages/new");
		HttpResponse<String> r = admin.post("/admin/pages", form(admin, path, title, body, footer));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceFirst("^https?://[^/]+", "")
			.replace("?saved", "");
	}

	@Test
	void adminCreatesAndEditsAPageAndEveryVersionIsKept() {
		String edit = create("about-us", "关于我们", "我们是一个**独立**的新闻站。", "");
		Document page = new Browser(port).page("/pages/about-us").html();
		assertThat(page.select("[data-testid=static-page] h1").text()).isEqualTo("关于我们");
		assertThat(page.select("[data-testid=static-page-body] strong").text()).isEqualTo("独立");

		Browser admin = admin();
		admin.page(edit);
		HttpResponse<String> saved = admin.post(edit, form(admin, "about-us", "关于本站", "第二版正文。", ""));
		assertThat(saved.statusCode()).isEqualTo(302);
		Document after = new Browser(port).page("/pages/about-us").html();
		assertThat(after.select("h1#page-title").text()).isEqualTo("关于本站");
		assertThat(after.select("[data-testid=static-page-body]").text()).isEqualTo("第二版正文。");
		assertThat(admin.page(edit).html().select("[data-testid=page-revisions] li")).hasSize(2);
		assertThat(jdbc
			.sql("SELECT r.body_markdown FROM static_page_revisions r JOIN static_pages p ON p.id = r.page_id"
					+ " WHERE p.path = 'about-us' ORDER BY r.created_at, r.id")
			.query(String.class)
			.list()).containsExactly("我们是一个**独立**的新闻站。", "第二版正文。");
		assertThat(admin.page("/admin/pages").html().select("[data-testid=pages-list] tr[data-path=about-us]"))
			.hasSize(1);
	}

	@Test
	void nestedPathsServeAndUnknownPathsAre404() {
		create("about/team", "团队", "编辑部成员。", "");
		create("联系我们", "联系我们", "电话：010-0000", "");
		assertThat(new Browser(port).page("/pages/about/team").html().select("h1#page-title").text()).isEqualTo("团队");
		assertThat(new Browser(port).page("/pages/%E8%81%94%E7%B3%BB%E6%88%91%E4%BB%AC")
			.html()
			.select("h1#page-title")
			.text()).isEqualTo("联系我们");
		assertThat(new Browser(port).get("/pages/about/nobody").statusCode()).isEqualTo(404);
		assertThat(new Browser(port).get("/pages/").statusCode()).isEqualTo(404);
		assertThat(new Browser(port).get("/pages/a/../b").statusCode()).isIn(400, 404);
	}

	@Test
	void footerListsPagesInTheOrderTheAdminChose() {
		create("footer-c", "投稿须知", "须知。", "30");
		create("footer-a", "广告合作", "合作。", "10");
		create("footer-b", "联系编辑", "联系。", "20");
		create("footer-hidden", "隐藏页", "不在页脚。", "");
		var links = new Browser(port).page("/").html().select("[data-testid=footer-pages] a");
		assertThat(links.eachText()).containsSubsequence("广告合作", "联系编辑", "投稿须知").doesNotContain("隐藏页");
		assertThat(links.eachAttr("href")).contains("/pages/footer-a");
	}

	@Test
	void hostileMarkdownIsInert() {
		create("hostile", "恶意",
				"<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n"
						+ "<iframe src=\"https://evil.example\"></iframe>",
				"");
		Document page = new Browser(port).page("/pages/hostile").html();
		var body = page.selectFirst("[data-testid=static-page-body]");
		assertThat(body.select("script, iframe, [onerror]")).isEmpty();
		assertThat(body.select("a[href^=javascript]")).isEmpty();
	}

	@Test
	void readersAndAnonymousVisitorsCannotAdministerPages() {
		Browser anonymous = new Browser(port);
		assertThat(anonymous.get("/admin/pages").statusCode()).isEqualTo(302);
		Browser reader = new Browser(port);
		reader.page("/signup");
		assertThat(reader.post("/signup",
				Map.of("_csrf", reader.csrfToken(), "email", "pages-reader-" + System.nanoTime() + "@inkstone.test",
						"password", "correct-horse-1", "displayName", "读者"))
			.statusCode()).isEqualTo(302);
		assertThat(reader.get("/admin/pages").statusCode()).isEqualTo(403);
		assertThat(reader.get("/admin/pages/new").statusCode()).isEqualTo(403);
		reader.page("/");
		assertThat(reader.post("/admin/pages", form(reader, "sneaky", "偷偷", "x", "")).statusCode()).isEqualTo(403);
		assertThat(new Browser(port).get("/pages/sneaky").statusCode()).isEqualTo(404);
	}

	@Test
	void invalidInputIsA400WithTheFormAgain() {
		Browser admin = admin();
		admin.page("/admin/pages/new");
		HttpResponse<String> r = admin.post("/admin/pages", form(admin, "../etc", "x", "y", ""));
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("data-testid=\"page-error\"");
		// each refusal sits at its field, which names it, and the form keeps what was
		// typed
		Document badPath = Jsoup.parse(r.body());
		assertTied(badPath, "input[name=path]", "path");
		assertThat(badPath.select("input[name=path]").val()).isEqualTo("../etc");
		assertValid(badPath, "input[name=title]");
		HttpResponse<String> noTitle = admin.post("/admin/pages", form(admin, "ok-path", "", "y", ""));
		assertThat(noTitle.statusCode()).isEqualTo(400);
		assertTied(Jsoup.parse(noTitle.body()), "input[name=title]", "title");
		HttpResponse<String> letters = admin.post("/admin/pages", form(admin, "ok-path", "t", "y", "abc"));
		assertThat(letters.statusCode()).isEqualTo(400);
		Document lettersPage = Jsoup.parse(letters.body());
		assertTied(lettersPage, "input[name=footer]", "footer");
		assertThat(lettersPage.select("textarea[name=body]").text()).isEqualTo("y");
		String taken = create("taken", "占用", "x", "");
		HttpResponse<String> pathTaken = admin.post("/admin/pages", form(admin, "taken", "t", "y", ""));
		assertThat(pathTaken.statusCode()).isEqualTo(400);
		assertTied(Jsoup.parse(pathTaken.body()), "input[name=path]", "path");
		// the same form edits a page: an empty text is refused at the text
		HttpResponse<String> noBody = admin.post(taken, form(admin, "taken", "占用", " ", ""));
		assertThat(noBody.statusCode()).isEqualTo(400);
		Document noBodyPage = Jsoup.parse(noBody.body());
		assertTied(noBodyPage, "textarea[name=body]", "body");
		assertThat(noBodyPage.select("[data-testid=page-revisions] li")).hasSize(1);
		assertThat(admin.get("/admin/pages/12345").statusCode()).isEqualTo(404);
	}

}
