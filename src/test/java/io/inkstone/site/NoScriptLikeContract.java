package io.inkstone.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.inkstone.engagement.Comments;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Fixtures;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader without JavaScript likes from the shared article page over plain HTTP: the
 * confirmation page says what it will do for this reader (点赞, or 取消点赞 once they like the
 * article), and submitting it twice — a double click, a reload — does it once.
 */
abstract class NoScriptLikeContract {

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	Comments comments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConfirmationSaysWhatItDoesAndASecondSubmitChangesNothing() throws IOException {
		importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
		long id = jdbc.sql("SELECT id FROM articles ORDER BY published_at DESC LIMIT 1").query(Long.class).single();
		String article = "/articles/" + id;
		Browser reader = new Browser(port);
		assertThat(reader.page(article).status()).isEqualTo(200);
		long likes = comments.articleLikes(id);

		Element like = confirmation(reader, article);
		assertThat(like.selectFirst("p").text()).isEqualTo("为这篇文章点赞？");
		assertThat(like.selectFirst("[data-testid=confirm-button]").text()).isEqualTo("赞");
		submit(reader, like);
		assertThat(comments.articleLikes(id)).isEqualTo(likes + 1);
		submit(reader, like);
		assertThat(comments.articleLikes(id)).isEqualTo(likes + 1);

		Element unlike = confirmation(reader, article);
		assertThat(unlike.selectFirst("p").text()).contains("取消点赞");
		assertThat(unlike.selectFirst("[data-testid=confirm-button]").text()).isEqualTo("取消点赞");
		submit(reader, unlike);
		assertThat(comments.articleLikes(id)).isEqualTo(likes);
		submit(reader, unlike);
		assertThat(comments.articleLikes(id)).isEqualTo(likes);

		assertThat(confirmation(reader, article).selectFirst("p").text()).isEqualTo("为这篇文章点赞？");
	}

	@Test
	void aTamperedConfirmationIsRefusedPlainlyAndChangesNothing() throws IOException {
		importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
		long id = jdbc.sql("SELECT id FROM articles ORDER BY published_at DESC LIMIT 1").query(Long.class).single();
		String article = "/articles/" + id;
		Browser reader = new Browser(port);
		reader.page(article);
		long likes = comments.articleLikes(id);
		Element like = confirmation(reader, article);
		Map<String, String> fields = new LinkedHashMap<>();
		like.select("form input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		assertThat(fields).containsKey("liked");
		fields.put("liked", "<script>alert(1)</script>");

		HttpResponse<String> refused = reader.post(like.selectFirst("form").attr("action"), fields);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain("<script>alert(1)</script>")
			.doesNotContain("Exception")
			.doesNotContain("at io.inkstone");
		assertThat(comments.articleLikes(id)).isEqualTo(likes);
	}

	/** The like button of the shared page (no token), and where it leads. */
	private static Element confirmation(Browser reader, String article) {
		HttpResponse<String> sent = reader.post(article + "/like", Map.of());
		assertThat(sent.statusCode()).isEqualTo(303);
		URI location = URI.create(sent.headers().firstValue("Location").orElseThrow());
		String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
		assertThat(path).startsWith("/confirm");
		Browser.Page page = reader.page(path);
		assertThat(page.status()).isEqualTo(200);
		return page.testId("confirm");
	}

	private static void submit(Browser reader, Element confirm) {
		Element form = confirm.selectFirst("form");
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		HttpResponse<String> done = reader.post(form.attr("action"), fields);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow())
			.contains(form.attr("action").replace("/like", "#like"));
	}

}
