package io.inkstone.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.SignedInRoles;

import org.jsoup.Jsoup;
import io.inkstone.shared.PublicUrl;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpServer;
import io.inkstone.shared.Ids;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST API over HTTP, as a script and a browser use it: a token made in the studio
 * writes and publishes through the same lifecycle as the editor; the authorization matrix
 * (anonymous, read token, write token, someone else's token, revoked, malformed); field
 * errors; CSRF for browser sessions; the OpenAPI description.
 */
@Import(SignedInRoles.class)
abstract class ApiContract {

	static final String PASSWORD = "correct-horse-1";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	SignedInRoles roles;

	@Autowired
	JdbcClient jdbc;

	Browser browser() {
		return new Browser(port);
	}

	/**
	 * A creator account with its profile (what an approved 申请入驻 leaves behind), signed
	 * in.
	 */
	Browser creator(String handle) {
		return roles.creatorWithHandle(handle, "");
	}

	/**
	 * Creates a token at /studio/tokens as a person does, and reads the secret shown
	 * once.
	 */
	static String token(Browser creator, String name, String scope) {
		assertThat(creator.page("/studio/tokens").status()).isEqualTo(200);
		HttpResponse<String> created = creator.post("/studio/tokens",
				Map.of("_csrf", creator.csrfToken(), "name", name, "scope", scope, "expires", "90"));
		// post/redirect/get: the secret is on the page the POST redirects to, once
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(location).startsWith("/studio/tokens");
		HttpResponse<String> shown = creator.get(location);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		String secret = Jsoup.parse(shown.body()).selectFirst("[data-testid=token-secret]").attr("value");
		assertThat(secret).startsWith("ink_").hasSizeGreaterThan(40);
		return secret;
	}

	HttpResponse<String> call(String method, String path, String token, String body) {
		return browser().send(method, path, body == null ? null : "application/json", body, "Authorization",
				"Bearer " + token, "Accept", "application/json");
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(response).get("status").asInt()).isEqualTo(status);
	}

	static String article(String title) {
		return "{\"title\":\"" + title + "\",\"body\":\"床前明月光，\\n疑是地上霜。\",\"channel\":\"tech\","
				+ "\"tags\":[\"唐诗\",\"月\"],\"original\":true,\"aigc\":\"none\"}";
	}

	/**
	 * A creator with a write token, as a publishing script starts; made as test data, not
	 * signed in (sign-ins from one address are limited).
	 */
	record Author(String handle, long accountId, String token) {
	}

	/** A new creator (handle {@code prefix…}) with a write token. */
	Author author(String prefix) {
		String handle = SignedInRoles.unique(prefix);
		long accountId = roles.creatorAccount(handle, "");
		return new Author(handle, accountId, roles.apiToken(accountId, "发布脚本", true));
	}

	/** The author signed in at the studio, in a new browser. */
	Browser studio(Author author) {
		return roles.signInAs(author.handle());
	}

	/** A draft of {@link #article(String)} written with this token; answers its id. */
	String draft(String token, String title) {
		HttpResponse<String> created = call("POST", "/api/v1/articles", token, article(title));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asString();
	}

	/** A draft written and published at once with this token; answers its id. */
	String published(String token, String title) {
		String id = draft(token, title);
		HttpResponse<String> published = call("POST", "/api/v1/articles/" + id + "/publish", token, null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		return id;
	}

	long tokensStoredAs(String value) {
		return jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :h")
			.param("h", value)
			.query(Long.class)
			.single();
	}

	long tokenId(String secret) {
		return jdbc.sql("SELECT id FROM api_tokens WHERE token_hash = :h")
			.param("h", ApiTokens.hash(secret))
			.query(Long.class)
			.single();
	}

	@Test
	void aStudioTokenIsShownOnceThenListedAndStoredOnlyAsAHash() {
		Browser creator = creator(SignedInRoles.unique("api"));
		assertThat(creator.page("/studio").html().select("a[href=/studio/tokens]")).hasSize(1);
		String write = token(creator, "发布脚本", "write");
		Document list = creator.page("/studio/tokens").html();
		assertThat(list.select("[data-testid=token-list] tr[data-state=active]")).hasSize(1);
		assertThat(list.text()).doesNotContain(write); // shown once, never again
		assertThat(tokensStoredAs(ApiTokens.hash(write))).isEqualTo(1);
		assertThat(tokensStoredAs(write)).isZero(); // stored hashed
	}

	@Test
	void badArticleInputIsA400WithOneErrorPerField() {
		String write = author("bad").token();
		HttpResponse<String> bad = call("POST", "/api/v1/articles", write,
				"{\"title\":\"\",\"body\":\"正文\",\"channel\":\"no-such-channel\",\"original\":false}");
		assertProblem(bad, 400);
		assertThat(json(bad).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "channel",
				"source");
		assertProblem(call("POST", "/api/v1/articles", write, "{not json"), 400);
	}

	@Test
	void aDraftWrittenWithATokenIsNotPublicAndItsOwnerSeesTheMarkdown() {
		String write = author("draft").token();
		HttpResponse<String> created = call("POST", "/api/v1/articles", write, article("静夜思"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = json(created);
		String id = draft.get("id").asString();
		assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/articles/" + id);
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("markdown").asString()).contains("床前明月光");
		assertThat(draft.get("tags").toString()).isEqualTo("[\"唐诗\",\"月\"]");
		assertProblem(browser().get("/api/v1/articles/" + id), 404);
		assertThat(call("GET", "/api/v1/me/articles", write, null).body()).contains(id).contains("\"draft\"");
	}

	@Test
	void aPatchChangesTheFieldsItSendsAndKeepsTheOthers() {
		String write = author("patch").token();
		String id = draft(write, "静夜思");
		HttpResponse<String> patched = call("PATCH", "/api/v1/articles/" + id, write, "{\"title\":\"静夜思（修订）\"}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat(json(patched).get("title").asString()).isEqualTo("静夜思（修订）");
		assertThat(json(patched).get("markdown").asString()).contains("床前明月光");
	}

	@Test
	void publishingMakesTheArticlePublicAtOnceAsHtmlWithoutItsSource() {
		Author author = author("pub");
		String id = draft(author.token(), "静夜思");
		// no review profile here: public at once
		HttpResponse<String> published = call("POST", "/api/v1/articles/" + id + "/publish", author.token(), null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(json(published).get("status").asString()).isEqualTo("published");
		HttpResponse<String> readerView = browser().get("/api/v1/articles/" + id);
		assertThat(readerView.statusCode()).isEqualTo(200);
		JsonNode shown = json(readerView);
		assertThat(shown.get("html").asString()).contains("床前明月光");
		assertThat(shown.has("markdown")).isFalse();
		assertThat(shown.get("creator").get("handle").asString()).isEqualTo(author.handle());
		String etag = readerView.headers().firstValue("ETag").orElseThrow();
		assertThat(browser().get("/api/v1/articles/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
		// the site shows the same article
		assertThat(browser().page("/articles/" + id).status()).isEqualTo(200);
	}

	@Test
	void theArticleListFiltersByCreatorTagOrChannelAndRefusesBadParameters() {
		Author author = author("list");
		String id = published(author.token(), "静夜思");
		assertThat(browser().get("/api/v1/articles?creator=" + author.handle()).body())
			.contains("\"id\":\"" + id + "\"");
		assertThat(browser().get("/api/v1/articles?tag=%E5%94%90%E8%AF%97&limit=50").body()).contains(id);
		assertThat(browser().get("/api/v1/articles?channel=tech").statusCode()).isEqualTo(200);
		assertProblem(browser().get("/api/v1/articles?limit=500"), 400);
		assertProblem(browser().get("/api/v1/articles?channel=tech&tag=x"), 400);
		assertProblem(browser().get("/api/v1/articles?cursor=garbage"), 400);
		// the existing search API is kept
		assertThat(browser().get("/api/v1/search?q=%E9%9D%99%E5%A4%9C").statusCode()).isEqualTo(200);
	}

	@Test
	void anotherCreatorsWriteTokenFindsNoSuchArticle() {
		String id = published(author("own").token(), "静夜思");
		String othersToken = author("other").token();
		assertProblem(call("PATCH", "/api/v1/articles/" + id, othersToken, "{\"title\":\"改你的\"}"), 404);
		assertProblem(call("POST", "/api/v1/articles/" + id + "/unpublish", othersToken, null), 404);
		assertProblem(call("DELETE", "/api/v1/articles/" + id, othersToken, null), 404);
		assertThat(json(browser().get("/api/v1/articles/" + id)).get("title").asString()).isEqualTo("静夜思");
	}

	@Test
	void aReadTokenReadsTheOwnersViewButCannotWrite() {
		Author author = author("read");
		String id = published(author.token(), "静夜思");
		String read = roles.apiToken(author.accountId(), "只读", false);
		assertThat(json(call("GET", "/api/v1/articles/" + id, read, null)).has("markdown")).isTrue();
		assertProblem(call("POST", "/api/v1/articles", read, article("只读写稿")), 403);
		assertThat(json(call("GET", "/api/v1/me", read, null)).get("scopes").toString()).isEqualTo("[\"read\"]");
	}

	@Test
	void theBearerSchemeIsCaseInsensitiveAndMissingOrBadCredentialsAre401NeverAnonymous() {
		String write = author("auth").token();
		assertProblem(browser().send("POST", "/api/v1/articles", "application/json", article("匿名")), 401);
		assertThat(browser().send("GET", "/api/v1/me", null, null, "Authorization", "bEaReR " + write).statusCode())
			.isEqualTo(200);
		assertProblem(browser().send("GET", "/api/v1/articles", null, null, "Authorization", "Bearer ink_forged"), 401);
		assertProblem(browser().send("GET", "/api/v1/articles", null, null, "Authorization", "Basic dXNlcjpwYXNz"),
				401);
		assertThat(browser().get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aScheduledPublishIsKeptOnTheDraftAndABadTimeIsAFieldError() {
		String write = author("sched").token();
		String id = published(write, "静夜思");
		assertThat(call("POST", "/api/v1/articles/" + id + "/unpublish", write, null).statusCode()).isEqualTo(200);
		assertProblem(call("POST", "/api/v1/articles/" + id + "/publish", write, "{\"publishAt\":\"tomorrow\"}"), 400);
		String at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();
		HttpResponse<String> scheduled = call("POST", "/api/v1/articles/" + id + "/publish", write,
				"{\"publishAt\":\"" + at + "\"}");
		assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
		assertThat(json(scheduled).get("scheduledAt").asString()).isEqualTo(at);
		// taking it back before its time cancels the schedule (it would go live
		// otherwise)
		HttpResponse<String> takenBack = call("POST", "/api/v1/articles/" + id + "/unpublish", write, null);
		assertThat(takenBack.statusCode()).isEqualTo(200);
		assertThat(json(takenBack).get("status").asString()).isEqualTo("draft");
		assertThat(json(takenBack).hasNonNull("scheduledAt")).as(takenBack.body()).isFalse();
		assertThat(call("POST", "/api/v1/articles/" + id + "/publish", write, "{\"publishAt\":\"" + at + "\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> unscheduled = call("POST", "/api/v1/articles/" + id + "/unschedule", write, null);
		assertThat(unscheduled.statusCode()).isEqualTo(200);
		assertThat(json(unscheduled).hasNonNull("scheduledAt")).as(unscheduled.body()).isFalse();
		assertThat(call("POST", "/api/v1/articles/" + id + "/unschedule", author("other").token(), null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aTokenRevokedInTheStudioStopsAtOnceAndANewOneWorks() {
		Author author = author("revoke");
		Browser creator = studio(author);
		assertThat(creator
			.post("/studio/tokens/" + tokenId(author.token()) + "/revoke", Map.of("_csrf", creator.csrfToken()))
			.statusCode()).isEqualTo(302);
		assertProblem(call("GET", "/api/v1/me", author.token(), null), 401);
		assertThat(creator.page("/studio/tokens").html().select("tr[data-state=revoked]")).hasSize(1);
		assertThat(call("GET", "/api/v1/me", token(creator, "再来", "write"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void aCreatorCannotRevokeSomeoneElsesToken() {
		Browser creator = studio(author("mine"));
		String othersToken = author("theirs").token();
		assertThat(
				creator.post("/studio/tokens/" + tokenId(othersToken) + "/revoke", Map.of("_csrf", creator.csrfToken()))
					.statusCode())
			.isEqualTo(404);
		assertThat(call("GET", "/api/v1/me", othersToken, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aDeletedArticleIsGoneForReadersWith410() {
		String write = author("del").token();
		String id = published(write, "静夜思");
		assertThat(call("DELETE", "/api/v1/articles/" + id, write, null).statusCode()).isEqualTo(204);
		assertProblem(browser().get("/api/v1/articles/" + id), 410);
	}

	@Test
	void aBrowserSessionStillNeedsTheCsrfTokenToWrite() {
		Browser creator = creator("csrf" + (System.nanoTime() % 1_000_000));
		creator.page("/studio");
		HttpResponse<String> withoutToken = creator.send("POST", "/api/v1/articles", "application/json", article("会话"));
		assertProblem(withoutToken, 403);
		HttpResponse<String> withToken = creator.send("POST", "/api/v1/articles", "application/json", article("会话"),
				"X-XSRF-TOKEN", creator.csrfToken());
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
		// a session reads its own articles without a token
		assertThat(creator.get("/api/v1/me/articles").body()).contains(json(withToken).get("id").asString());
		// a reader without a creator profile cannot write, even with a session
		Browser reader = browser();
		reader.page("/signup");
		reader.post("/signup", Map.of("_csrf", reader.csrfToken(), "email",
				"reader" + System.nanoTime() + "@inkstone.test", "password", PASSWORD, "displayName", "读者"));
		assertProblem(reader.send("POST", "/api/v1/articles", "application/json", article("读者"), "X-XSRF-TOKEN",
				reader.csrfToken()), 403);
	}

	@Test
	void theOpenApiDescriptionListsTheEndpointsAndTheDocsLoad() {
		HttpResponse<String> spec = browser().get("/api/openapi.json");
		assertThat(spec.statusCode()).isEqualTo(200);
		JsonNode api = json(spec);
		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/articles", "/api/v1/articles/{id}",
				"/api/v1/articles/{id}/publish", "/api/v1/articles/{id}/unpublish", "/api/v1/me/articles",
				"/api/v1/media", "/api/v1/channels", "/api/v1/creators/{handle}", "/api/v1/search");
		assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		// the server comes from the configured public URL, not from the Host header
		HttpResponse<String> spoofed = browser().get("/api/openapi.json", "X-Forwarded-Host", "evil.example");
		assertThat(json(spoofed).get("servers").toString()).doesNotContain("evil.example");
		assertThat(api.get("paths").get("/api/v1/articles").get("post").get("security").toString()).contains("bearer");

		HttpResponse<String> docs = browser().get("/api/docs");
		String location = docs.headers().firstValue("Location").orElse("/api/docs").replaceAll("^https?://[^/]+", "");
		HttpResponse<String> page = docs.statusCode() == 302 ? browser().get(location) : docs;
		assertThat(page.statusCode()).as(location).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).as(location)
			.contains("script-src 'self'")
			.doesNotContain("unsafe-eval");
		Document html = Jsoup.parse(page.body());
		for (var script : html.select("script[src]")) {
			String src = script.attr("src");
			assertThat(src).doesNotStartWith("http"); // served from the jar, no CDN
		}
		assertThat(html.select("script:not([src])")).as("no inline script: the CSP forbids it").isEmpty();
	}

	@Test
	void aReloadAfterCreatingATokenCreatesNoOtherAndErrorsSitOnTheirFields() {
		String handle = "prg" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		token(creator, "一次", "read");
		// the reload is a GET of the page: the list, one token, no secret any more
		Document again = Jsoup.parse(creator.get("/studio/tokens").body());
		assertThat(again.select("[data-testid=token-secret]")).isEmpty();
		assertThat(again.select("[data-testid=token-list] tr[data-token-id]")).hasSize(1);
		HttpResponse<String> badScope = creator.post("/studio/tokens",
				Map.of("_csrf", creator.csrfToken(), "name", "名", "scope", "admin", "expires", "90"));
		assertThat(badScope.statusCode()).isEqualTo(400);
		Document scope = Jsoup.parse(badScope.body());
		assertThat(scope.select(".field-error").eachAttr("data-field")).containsExactly("scope");
		FieldErrorTies.assertTiedTo(scope, "input[name=scope]", "field-error-scope");
		FieldErrorTies.assertValid(scope, "input[name=name]");
		assertThat(scope.select("input[name=name]").attr("value")).isEqualTo("名");
		HttpResponse<String> badExpiry = creator.post("/studio/tokens",
				Map.of("_csrf", creator.csrfToken(), "name", "名", "scope", "read", "expires", "abc"));
		assertThat(badExpiry.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badExpiry.body()).select(".field-error").eachAttr("data-field"))
			.containsExactly("expires");
		FieldErrorTies.assertTiedTo(Jsoup.parse(badExpiry.body()), "select[name=expires]", "field-error-expires");
		HttpResponse<String> noName = creator.post("/studio/tokens",
				Map.of("_csrf", creator.csrfToken(), "name", " ", "scope", "read", "expires", "90"));
		assertThat(Jsoup.parse(noName.body()).select(".field-error").eachAttr("data-field")).containsExactly("name");
		FieldErrorTies.assertTiedTo(Jsoup.parse(noName.body()), "input[name=name]", "field-error-name");
	}

	@Test
	void unknownApiPathsAndMethodsAnswerProblemsNotPages() {
		assertProblem(browser().get("/api/v1/nope", "Accept", "application/json"), 404);
		assertProblem(browser().get("/api/v1/nope"), 404);
		String token = author("put").token();
		HttpResponse<String> put = call("PUT", "/api/v1/articles/1", token, "{}");
		assertProblem(put, 405);
		assertThat(put.headers().firstValue("Allow").orElse("")).contains("GET");
		// the site's own pages keep their HTML error page
		assertThat(browser().get("/nope").headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
	}

	@Test
	void theDocsConfigAndTheDescriptionNameNoHostAndListEveryAnswer() {
		HttpResponse<String> config = browser().get("/api/openapi.json/swagger-config", "X-Forwarded-Host",
				"evil.example");
		assertThat(config.statusCode()).isEqualTo(200);
		JsonNode redirect = json(config).get("oauth2RedirectUrl");
		if (redirect != null) {
			assertThat(redirect.asString()).startsWith(publicUrl.base() + "/").doesNotContain("evil.example");
		}
		JsonNode api = json(browser().get("/api/openapi.json"));
		List<String> tags = new ArrayList<>();
		api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			if (op.getValue().has("tags")) {
				op.getValue().get("tags").forEach(t -> tags.add(t.asString()));
			}
			if (op.getKey().equals("get")) {
				// a bad token on a public read gets 401, an over-limit one 429
				assertThat(op.getValue().get("responses").propertyNames()).as(path.getKey())
					.contains("200", "401", "429");
			}
		}));
		assertThat(tags).contains("search").noneMatch(t -> t.endsWith("-controller"));
	}

	/**
	 * A creator with a write token and one published article carrying three comments:
	 * {handle, token, article id}.
	 */
	String[] publishedWithComments(String prefix) {
		String handle = prefix + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		String token = token(creator, "读取", "write");
		String id = json(call("POST", "/api/v1/articles", token, article("静夜思"))).get("id").asString();
		assertThat(call("POST", "/api/v1/articles/" + id + "/publish", token, null).statusCode()).isEqualTo(200);
		creator.page("/articles/" + id);
		for (String text : List.of("第一条跟帖", "第二条跟帖", "第三条跟帖")) {
			assertThat(creator.post("/articles/" + id + "/comments", Map.of("_csrf", creator.csrfToken(), "text", text))
				.statusCode()).isEqualTo(302);
		}
		return new String[] { handle, token, id };
	}

	@Test
	void hotRelatedAndCommentsAreReadWithCursorsAndEtags() {
		String[] made = publishedWithComments("reads");
		String token = made[1];
		String id = made[2];
		// comments: oldest first, keyset pages, an ETag
		HttpResponse<String> first = browser().get("/api/v1/articles/" + id + "/comments?limit=2");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode page = json(first);
		assertThat(page.get("items").findValuesAsString("body")).containsExactly("第一条跟帖", "第二条跟帖");
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("open").asBoolean()).isTrue();
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(browser().get("/api/v1/articles/" + id + "/comments?limit=2", "If-None-Match", etag).statusCode())
			.isEqualTo(304);
		HttpResponse<String> second = browser()
			.get("/api/v1/articles/" + id + "/comments?limit=2&cursor=" + page.get("next").asString());
		assertThat(json(second).get("items").findValuesAsString("body")).containsExactly("第三条跟帖");
		assertThat(json(second).has("next")).isFalse();
		assertThat(second.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		assertThat(first.body()).doesNotContain("accountId").doesNotContain("@inkstone.test");
		// bad input and missing articles
		assertProblem(browser().get("/api/v1/articles/" + id + "/comments?limit=0"), 400);
		assertProblem(browser().get("/api/v1/articles/" + id + "/comments?cursor=garbage"), 400);
		assertProblem(browser().get("/api/v1/articles/1/comments"), 404);
		assertProblem(browser().get("/api/v1/articles/1/related"), 404);
		String draft = json(call("POST", "/api/v1/articles", token, article("草稿"))).get("id").asString();
		assertProblem(browser().get("/api/v1/articles/" + draft + "/comments"), 404);
		assertProblem(browser().get("/api/v1/articles/" + draft + "/related"), 404);
		// related and hot: lists of articles with ETags
		HttpResponse<String> related = browser().get("/api/v1/articles/" + id + "/related?limit=5");
		assertThat(related.statusCode()).isEqualTo(200);
		assertThat(json(related).get("items").isArray()).isTrue();
		assertThat(related.body()).doesNotContain("\"id\":\"" + id + "\"");
		assertProblem(browser().get("/api/v1/articles/" + id + "/related?limit=51"), 400);
		HttpResponse<String> hot = browser().get("/api/v1/hot");
		assertThat(hot.statusCode()).isEqualTo(200);
		assertThat(json(hot).get("items").isArray()).isTrue();
		String hotTag = hot.headers().firstValue("ETag").orElseThrow();
		assertThat(browser().get("/api/v1/hot", "If-None-Match", hotTag).statusCode()).isEqualTo(304);
		assertThat(browser().get("/api/v1/hot?channel=tech&limit=3").statusCode()).isEqualTo(200);
		assertProblem(browser().get("/api/v1/hot?channel=no-such-channel"), 404);
		assertProblem(browser().get("/api/v1/hot?limit=0"), 400);
		// deleted: 410
		assertThat(call("DELETE", "/api/v1/articles/" + id, token, null).statusCode()).isEqualTo(204);
		assertProblem(browser().get("/api/v1/articles/" + id + "/comments"), 410);
	}

	@Test
	void theV1DescriptionListsTheReadsAndIsTheOneTheDocsShow() {
		HttpResponse<String> v1 = browser().get("/api/v1/openapi.json");
		assertThat(v1.statusCode()).isEqualTo(200);
		JsonNode api = json(v1);
		assertThat(api.get("paths").propertyNames())
			.contains("/api/v1/hot", "/api/v1/articles/{id}/related", "/api/v1/articles/{id}/comments",
					"/api/v1/search")
			.doesNotContain("/api/v1/openapi.json");
		assertThat(api.get("paths")).isEqualTo(json(browser().get("/api/openapi.json")).get("paths"));
	}

	/**
	 * A documented read's answer is not an empty object and matches the schema its 200
	 * documents.
	 */
	static void assertAnswersItsSchema(JsonNode api, String path, HttpResponse<String> answer) {
		JsonNode content = api.get("paths").get(path).get("get").get("responses").get("200").get("content");
		assertThat(content).as(path + " documents its answer").isNotNull();
		JsonNode schema = content.get(content.propertyNames().iterator().next()).get("schema");
		JsonNode body = json(answer);
		if (body.isArray() && !body.isEmpty() || body.isObject()) {
			assertThat(body.isEmpty()).as(path + " answers something").isFalse();
		}
		var errors = schemas().getSchema(documentedSchema(api, schema)).validate(body);
		assertThat(errors).as(path + " answers as documented: " + answer.body()).isEmpty();
	}

	@Test
	void everyDocumentedReadAnswersWhatItsSchemaSays() {
		String[] made = publishedWithComments("schema");
		JsonNode api = json(browser().get("/api/v1/openapi.json"));
		List<String> checked = new ArrayList<>();
		everyRead(api, made).forEach((operation, answer) -> {
			String path = operation.substring("get ".length());
			assertAnswersItsSchema(api, path, answer);
			checked.add(path);
		});
		assertThat(checked).contains("/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/articles/{id}/comments",
				"/api/v1/articles/{id}/related", "/api/v1/hot", "/api/v1/channels", "/api/v1/creators/{handle}",
				"/api/v1/search", "/api/v1/suggest", "/api/v1/me", "/api/v1/me/articles");
	}

	@Test
	void theSchemaCheckRefusesAMissingRequiredPropertyAndAWrongType() {
		JsonNode api = json(browser().get("/api/v1/openapi.json"));
		ObjectNode root = JSON.createObjectNode();
		root.set("components", api.get("components"));
		root.put("$ref", "#/components/schemas/CommentPage");
		assertThat(schemas().getSchema(root).validate(JSON.readTree("{\"items\":[],\"total\":\"x\"}"))).isNotEmpty();
		assertThat(schemas().getSchema(root).validate(JSON.readTree("{\"items\":[],\"total\":1,\"open\":true}")))
			.isEmpty();
	}

	/** A small PNG of this size, as a camera or an editor would upload it. */
	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, (width * 3) % 255, 120));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Uploads an image through {@code POST /api/v1/media} with a token, as a script does.
	 */
	HttpResponse<String> upload(String token, byte[] image, String alt) {
		return browser().header("Authorization", "Bearer " + token)
			.postMultipart("/api/v1/media", alt == null ? Map.of() : Map.of("alt", alt), "file", "photo.png",
					"image/png", image, "application/json");
	}

	/** A JSON Schema validator for the description's schemas (draft 2020-12). */
	static SchemaRegistry schemas() {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
	}

	/**
	 * A schema from the description, with the description's components so that its
	 * references resolve.
	 */
	static ObjectNode documentedSchema(JsonNode api, JsonNode schema) {
		ObjectNode root = JSON.createObjectNode();
		root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.set("components", api.get("components"));
		root.set("allOf", JSON.createArrayNode().add(schema));
		return root;
	}

	/**
	 * Validates an answer against what the OpenAPI description documents for that
	 * operation and status.
	 */
	static void assertDocumented(JsonNode api, String path, String method, HttpResponse<String> answer) {
		JsonNode operation = api.get("paths").get(path).get(method);
		assertThat(operation).as(method + " " + path + " is documented").isNotNull();
		JsonNode response = operation.get("responses").get(Integer.toString(answer.statusCode()));
		assertThat(response).as(method + " " + path + " documents its " + answer.statusCode() + ": " + answer.body())
			.isNotNull();
		JsonNode content = response.get("content");
		if (answer.body().isEmpty()) {
			assertThat(content == null || content.isEmpty())
				.as(method + " " + path + " documents a body it did not send")
				.isTrue();
			return;
		}
		assertThat(content).as(method + " " + path + " documents the body of its " + answer.statusCode()).isNotNull();
		String type = answer.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
		JsonNode media = content.has(type) ? content.get(type) : content.get("*/*");
		assertThat(media)
			.as(method + " " + path + " " + answer.statusCode() + " documents " + type + " in "
					+ content.propertyNames())
			.isNotNull();
		var errors = schemas().getSchema(documentedSchema(api, media.get("schema"))).validate(json(answer));
		assertThat(errors)
			.as(method + " " + path + " " + answer.statusCode() + " answers as documented: " + answer.body())
			.isEmpty();
	}

	/** Every operation the description documents, as {@code "get /api/v1/hot"}. */
	static Set<String> documentedOperations(JsonNode api) {
		Set<String> documented = new TreeSet<>();
		for (String path : api.get("paths").propertyNames()) {
			for (String method : api.get("paths").get(path).propertyNames()) {
				documented.add(method + " " + path);
			}
		}
		return documented;
	}

	/** The answer, once it has this status. */
	static HttpResponse<String> answered(int status, HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		return answer;
	}

	/**
	 * Every documented read called with what {@link #publishedWithComments} made (its
	 * article and creator in the path, a query where one is taken), each answering 200;
	 * by operation.
	 */
	Map<String, HttpResponse<String>> everyRead(JsonNode api, String[] made) {
		Map<String, HttpResponse<String>> answers = new TreeMap<>();
		for (String operation : documentedOperations(api)) {
			if (operation.startsWith("get ")) {
				String path = operation.substring(4);
				JsonNode get = api.get("paths").get(path).get("get");
				boolean takesQuery = get.path("parameters").findValuesAsString("name").contains("q");
				String url = path.replace("{id}", made[2]).replace("{handle}", made[0]);
				HttpResponse<String> answer = call("GET", url + (takesQuery ? "?q=%E9%9D%99%E5%A4%9C" : ""), made[1],
						null);
				assertThat(answer.statusCode()).as(operation + ": " + answer.body()).isEqualTo(200);
				answers.put(operation, answer);
			}
		}
		return answers;
	}

	/**
	 * Every documented write, in the order a script uses them: an image, a draft with it
	 * as cover, an edit, publish, unpublish, schedule and unschedule, delete; by
	 * operation.
	 */
	Map<String, HttpResponse<String>> everyWrite(String token) {
		Map<String, HttpResponse<String>> answers = new TreeMap<>();
		HttpResponse<String> uploaded = answered(201, upload(token, png(640, 480), "月下"));
		answers.put("post /api/v1/media", uploaded);
		String image = json(uploaded).get("url").asString();
		String input = JSON.createObjectNode()
			.put("title", "望庐山瀑布")
			.put("body", "日照香炉生紫烟。\n\n![瀑布](" + image + ")")
			.put("channel", "tech")
			.put("original", true)
			.put("cover", image)
			.toString();
		HttpResponse<String> created = answered(201, call("POST", "/api/v1/articles", token, input));
		answers.put("post /api/v1/articles", created);
		String id = json(created).get("id").asString();
		assertThat(json(created).get("coverImage").asString()).endsWith(image);
		answers.put("patch /api/v1/articles/{id}",
				answered(200, call("PATCH", "/api/v1/articles/" + id, token, "{\"summary\":\"李白\"}")));
		answers.put("post /api/v1/articles/{id}/publish",
				answered(200, call("POST", "/api/v1/articles/" + id + "/publish", token, null)));
		answers.put("post /api/v1/articles/{id}/unpublish",
				answered(200, call("POST", "/api/v1/articles/" + id + "/unpublish", token, null)));
		String later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
		answered(200, call("POST", "/api/v1/articles/" + id + "/publish", token, "{\"publishAt\":\"" + later + "\"}"));
		answers.put("post /api/v1/articles/{id}/unschedule",
				answered(200, call("POST", "/api/v1/articles/" + id + "/unschedule", token, null)));
		answers.put("delete /api/v1/articles/{id}",
				answered(204, call("DELETE", "/api/v1/articles/" + id, token, null)));
		return answers;
	}

	@Test
	void everyDocumentedOperationIsCalledAndAnswersWhatItsSchemaSays() {
		String[] made = publishedWithComments("ops");
		JsonNode api = json(browser().get("/api/v1/openapi.json"));
		Map<String, HttpResponse<String>> answers = new TreeMap<>(everyRead(api, made));
		answers.putAll(everyWrite(made[1]));
		answers.forEach((operation, answer) -> {
			String[] parts = operation.split(" ", 2);
			assertDocumented(api, parts[1], parts[0], answer);
		});
		assertThat(answers.keySet()).as("every documented operation was called")
			.containsExactlyInAnyOrderElementsOf(documentedOperations(api));
	}

	@Test
	void documentedErrorsAnswerAsDocumented() {
		Author author = author("errs");
		String published = published(author.token(), "静夜思");
		JsonNode api = json(browser().get("/api/v1/openapi.json"));
		// field errors
		HttpResponse<String> invalid = call("POST", "/api/v1/articles", author.token(), "{\"title\":\"\"}");
		assertProblem(invalid, 400);
		assertDocumented(api, "/api/v1/articles", "post", invalid);
		// a missing article: one that was deleted
		String deleted = draft(author.token(), "删掉的");
		answered(204, call("DELETE", "/api/v1/articles/" + deleted, author.token(), null));
		HttpResponse<String> missing = call("PATCH", "/api/v1/articles/" + deleted, author.token(),
				"{\"title\":\"x\"}");
		assertProblem(missing, 404);
		assertDocumented(api, "/api/v1/articles/{id}", "patch", missing);
		// no token
		HttpResponse<String> anonymous = browser().send("POST", "/api/v1/articles", "application/json", article("匿名"));
		assertProblem(anonymous, 401);
		assertDocumented(api, "/api/v1/articles", "post", anonymous);
		// a read token writing
		HttpResponse<String> readOnly = call("POST", "/api/v1/articles/" + published + "/unpublish",
				roles.apiToken(author.accountId(), "只读", false), null);
		assertProblem(readOnly, 403);
		assertDocumented(api, "/api/v1/articles/{id}/unpublish", "post", readOnly);
		// a bad query
		HttpResponse<String> badQuery = browser().get("/api/v1/articles?limit=500");
		assertProblem(badQuery, 400);
		assertDocumented(api, "/api/v1/articles", "get", badQuery);
	}

	@Test
	void mediaUploadedThroughTheApiGoesThroughTheMediaPipelineAndBadFilesAreRefused() {
		String handle = "media" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		String write = token(creator, "图片", "write");
		HttpResponse<String> uploaded = upload(write, png(1200, 800), "江景");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode item = json(uploaded);
		String url = item.get("url").asString();
		assertThat(uploaded.headers().firstValue("Location").orElse("")).endsWith(url);
		assertThat(item.get("width").asInt()).isEqualTo(1200);
		assertThat(item.get("srcset").asString()).contains(" 480w").contains(" 960w");
		assertThat(url).startsWith("http");
		assertThat(item.get("markdown").asString()).contains(URI.create(url).getPath()).contains("江景");
		String path = URI.create(url).getPath();
		assertThat(browser().getBytes(path).statusCode()).isEqualTo(200);
		// the studio's media library shows it: one library for both
		assertThat(creator.page("/studio/media")
			.html()
			.select("img[src=" + path.replace("/full.", "/480.") + "], img[src=" + path + "]")).isNotEmpty();
		// bad input is a clear 4xx problem, never a 500: no file, not an image (415,
		// whatever it claims), no alt text;
		// a read token is 403
		assertProblem(upload(write, null, "空"), 400);
		assertProblem(browser().header("Authorization", "Bearer " + write)
			.postMultipart("/api/v1/media", Map.of("alt", "假图"), "file", "x.png", "image/png",
					"<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "application/json"),
				415);
		assertProblem(upload(write, png(100, 100), null), 400);
		// over the container's file limit: 413, and the problem names the limit
		HttpResponse<String> tooLarge = upload(write, new byte[12 * 1024 * 1024], "大图");
		assertProblem(tooLarge, 413);
		assertThat(json(tooLarge).get("detail").asString()).contains("11 MB");
		assertProblem(upload(token(creator, "只读图片", "read"), png(100, 100), "图"), 403);
		assertProblem(browser().postMultipart("/api/v1/media", Map.of("alt", "匿名"), "file", "x.png", "image/png",
				png(100, 100), "application/json"), 401);
		// someone else's upload cannot be a cover
		String others = author("others").token();
		HttpResponse<String> stolen = call("POST", "/api/v1/articles", others,
				JSON.createObjectNode()
					.put("title", "借图")
					.put("body", "正文")
					.put("channel", "tech")
					.put("original", true)
					.put("cover", url)
					.toString());
		assertProblem(stolen, 400);
		assertThat(json(stolen).get("errors").findValuesAsString("field")).containsExactly("cover");
	}

	@Test
	void anApiPublishedArticleIsHeldForReviewExactlyLikeOneFromTheEditor() {
		String handle = "held" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		long creatorId = jdbc.sql("SELECT id FROM creators WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single();
		// three upheld rejections: credit 70, below the pre-review line, so the checks
		// hold whatever this creator publishes
		for (int i = 0; i < 3; i++) {
			long decision = Ids.next();
			long article = Ids.next();
			jdbc.sql(
					"INSERT INTO moderation_decisions (id, ref, source, subject_type, subject_id, article_id, creator_id,"
							+ " action, reason, decided_by, decided_at, received_at, appeal_status)"
							+ " VALUES (:id, :ref, 'review', 'article', :a, :a, :c, 'reject', 'spam', 1, :t, :t, 'none')")
				.param("id", decision)
				.param("ref", "RV-" + decision)
				.param("a", article)
				.param("c", creatorId)
				.param("t", System.currentTimeMillis())
				.update();
		}
		// the editor's 发布
		creator.page("/studio/articles/new");
		HttpResponse<String> fromEditor = creator.post("/studio/articles",
				Map.of("_csrf", creator.csrfToken(), "action", "publish", "title", "编辑器发的", "body", "春眠不觉晓，处处闻啼鸟。",
						"channel", "tech", "original", "true", "aigc", "none"));
		assertThat(fromEditor.statusCode()).isEqualTo(302);
		assertThat(fromEditor.headers().firstValue("Location").orElse("")).endsWith("?pending");
		long editorId = Long.parseLong(
				fromEditor.headers().firstValue("Location").orElseThrow().replaceAll(".*/articles/(\\d+).*", "$1"));
		// the API's publish
		String token = token(creator, "审核", "write");
		String id = json(call("POST", "/api/v1/articles", token,
				JSON.createObjectNode()
					.put("title", "接口发的")
					.put("body", "夜来风雨声，花落知多少。")
					.put("channel", "tech")
					.put("original", true)
					.toString()))
			.get("id")
			.asString();
		HttpResponse<String> fromApi = call("POST", "/api/v1/articles/" + id + "/publish", token, null);
		assertThat(fromApi.statusCode()).as(fromApi.body()).isEqualTo(200);
		assertThat(json(fromApi).get("status").asString()).isEqualTo("pending");
		assertThat(!json(fromApi).has("publishedAt") || json(fromApi).get("publishedAt").isNull()).isTrue();
		// both wait in the same state, with the same findings, and neither is public
		for (long article : List.of(editorId, Long.parseLong(id))) {
			assertThat(jdbc.sql("SELECT status FROM articles WHERE id = :id")
				.param("id", article)
				.query(String.class)
				.single()).isEqualTo("pending");
			assertThat(jdbc.sql("SELECT kind FROM review_findings WHERE article_id = :id")
				.param("id", article)
				.query(String.class)
				.list()).containsExactly("low-trust");
			assertProblem(browser().get("/api/v1/articles/" + article), 404);
			assertThat(browser().get("/articles/" + article).statusCode()).isEqualTo(404);
		}
		assertThat(json(call("GET", "/api/v1/me/articles", token, null)).findValuesAsString("status"))
			.containsOnly("pending");
		// publishing again while held changes nothing
		assertThat(json(call("POST", "/api/v1/articles/" + id + "/publish", token, null)).get("status").asString())
			.isEqualTo("pending");
	}

	@Test
	void anExpiredTokenIsRefusedLikeARevokedOneAndTheStudioSaysItExpired() {
		Browser creator = creator("exp" + (System.nanoTime() % 1_000_000));
		String expired = token(creator, "过期", "write");
		// its 90 days have passed (set before its first use, as a token nobody used since
		// it ran out)
		jdbc.sql("UPDATE api_tokens SET expires_at = :past WHERE token_hash = :h")
			.param("past", System.currentTimeMillis() - 1000)
			.param("h", ApiTokens.hash(expired))
			.update();
		assertProblem(call("GET", "/api/v1/me", expired, null), 401);
		assertProblem(call("POST", "/api/v1/articles", expired, article("过期写稿")), 401);
		assertProblem(call("GET", "/api/v1/articles", expired, null), 401); // never
																			// quietly
																			// anonymous
		assertThat(creator.page("/studio/tokens").html().select("[data-testid=token-list] tr[data-state=expired]"))
			.hasSize(1);
		// a bad expiry at creation is a field error, not a token
		creator.page("/studio/tokens");
		HttpResponse<String> bad = creator.post("/studio/tokens",
				Map.of("_csrf", creator.csrfToken(), "name", "坏", "scope", "write", "expires", "-5"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).select("[data-testid=token-secret]")).isEmpty();
	}

	@Test
	void eachTokenHasItsOwnRateLimit() {
		Browser creator = creator("rate" + (System.nanoTime() % 1_000_000));
		String busy = token(creator, "忙", "read");
		String calm = token(creator, "闲", "read");
		// last use: never, until the token is used (the fourth column of the studio's
		// list)
		Supplier<String> calmLastUsed = () -> creator.page("/studio/tokens")
			.html()
			.select("[data-testid=token-list] tr")
			.stream()
			.filter(tr -> tr.text().contains("闲"))
			.findFirst()
			.orElseThrow()
			.select("td")
			.get(3)
			.text();
		assertThat(calmLastUsed.get()).isEqualTo("从未使用");
		// 300 a minute, all back when the minute is over: 300 pass, then a 429 (a
		// gradual refill let a client just slower than it run on without end)
		int passed = 0;
		HttpResponse<String> limited = call("GET", "/api/v1/me", busy, null);
		while (limited.statusCode() == 200 && passed < 2 * BearerTokenFilter.REQUESTS_PER_MINUTE) {
			passed++;
			limited = call("GET", "/api/v1/me", busy, null);
		}
		assertThat(passed).isGreaterThanOrEqualTo(BearerTokenFilter.REQUESTS_PER_MINUTE)
			.isLessThan(2 * BearerTokenFilter.REQUESTS_PER_MINUTE);
		assertProblem(limited, 429);
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		// another token of the same creator is not slowed down, and neither is anonymous
		// reading
		assertThat(call("GET", "/api/v1/me", calm, null).statusCode()).isEqualTo(200);
		assertThat(calmLastUsed.get()).isNotEqualTo("从未使用").matches(".*\\d{2}:\\d{2}.*");
		assertThat(browser().get("/api/v1/channels").statusCode()).isEqualTo(200);
	}

	/**
	 * Markdown as the studio's editor writes it (images by the paths their markdown
	 * gives), and the path of its second image.
	 */
	record RichMarkdown(String markdown, String secondImage) {
	}

	/**
	 * A heading, two of the creator's own images, a table, strikethrough, code, a video
	 * link from a known host and one from an unknown host, and a raw iframe.
	 */
	RichMarkdown richMarkdown(String token) {
		String first = URI.create(json(upload(token, png(900, 600), "第一张")).get("url").asString()).getPath();
		String second = URI.create(json(upload(token, png(640, 480), "第二张")).get("url").asString()).getPath();
		return new RichMarkdown("## 第一节\n\n![第一张](" + first
				+ ")\n\n| 诗 | 作者 |\n|---|---|\n| 静夜思 | 李白 |\n\n~~旧~~ 新\n\n```python\nprint(1)\n```\n\n"
				+ "https://www.bilibili.com/video/BV1GJ411x7h7\n\nhttps://evil.example/video\n\n<iframe src=\"https://evil.example/x\"></iframe>"
				+ "\n\n![第二张](" + second + ")", second);
	}

	/** The article page of this Markdown, written and published with the token. */
	Browser.Page readersPage(String token, String markdown) {
		String json = JSON.createObjectNode()
			.put("title", "预览")
			.put("body", markdown)
			.put("channel", "tech")
			.put("original", true)
			.toString();
		String id = json(call("POST", "/api/v1/articles", token, json)).get("id").asString();
		call("POST", "/api/v1/articles/" + id + "/publish", token, null);
		return browser().page("/articles/" + id);
	}

	@Test
	void theEditorPreviewIsExactlyWhatReadersGetVideosTablesAndAnchorsIncluded() {
		Author author = author("md");
		String markdown = richMarkdown(author.token()).markdown();
		Browser creator = studio(author);
		creator.page("/studio/articles/new");
		HttpResponse<String> preview = creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "action",
				"preview", "title", "预览", "body", markdown, "channel", "tech", "original", "true", "aigc", "none"));
		assertThat(preview.statusCode()).isEqualTo(200);
		Element previewed = Jsoup.parse(preview.body()).selectFirst("[data-testid=preview]");
		assertThat(previewed.html()).isEqualTo(readersPage(author.token(), markdown).testId("body").html());
	}

	@Test
	void bodyImagesHaveRenditionsSizesAndDimensionsAndLoadLazilyAfterTheFirst() {
		String token = author("img").token();
		RichMarkdown rich = richMarkdown(token);
		Element shown = readersPage(token, rich.markdown()).testId("body");
		assertThat(shown.select("img[srcset][sizes][width][height]")).hasSize(2);
		assertThat(shown.select("img").get(0).hasAttr("loading")).isFalse();
		assertThat(shown.select("img").get(1).attr("loading")).isEqualTo("lazy");
		assertThat(shown.select("img").get(1).attr("srcset"))
			.contains(rich.secondImage().replace("/full.", "/480.") + " 480w");
	}

	@Test
	void headingsGetAnchorsAndTablesStrikethroughAndCodeRender() {
		String token = author("gfm").token();
		Element shown = readersPage(token, richMarkdown(token).markdown()).testId("body");
		assertThat(shown.select("h2#h-第一节")).hasSize(1);
		assertThat(shown.select("table td").eachText()).containsExactly("静夜思", "李白");
		assertThat(shown.select("del").text()).isEqualTo("旧");
		assertThat(shown.select("pre code.language-python")).hasSize(1);
	}

	@Test
	void onlyVideosFromKnownHostsAreEmbeddedAndThePageFramesNothingElse() {
		String token = author("vid").token();
		Browser.Page page = readersPage(token, richMarkdown(token).markdown());
		Element shown = page.testId("body");
		assertThat(shown.select("figure.video-embed iframe[sandbox]").attr("src"))
			.isEqualTo("https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0");
		assertThat(shown.select("iframe")).hasSize(1);
		// the rest stay links
		assertThat(shown.select("a[href^=https://evil.example]")).hasSize(2);
		assertThat(page.response().headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("frame-src https://player.bilibili.com")
			.contains("https://www.youtube-nocookie.com")
			.contains("frame-ancestors 'none'");
	}

	/**
	 * A fake receiver on loopback (the tests allow loopback targets explicitly): the
	 * first call fails with 500, unless it is made healthy.
	 */
	static final class Receiver implements AutoCloseable {

		final HttpServer server;

		final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		Receiver() throws IOException {
			this(true);
		}

		Receiver(boolean failFirst) throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/hook", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				int status = calls.incrementAndGet() == 1 && failFirst ? 500 : 204;
				if (status == 204) {
					received.add(Map.of("body", body, "id", exchange.getRequestHeaders().getFirst("webhook-id"),
							"timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"), "signature",
							exchange.getRequestHeaders().getFirst("webhook-signature")));
				}
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		}

		List<String> types() {
			return received.stream().map(r -> json(r.get("body")).get("type").asString()).toList();
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/**
	 * Registers a hook at /studio/webhooks for the events; {@code site} ticks 站点全部文章
	 * (admins only).
	 */
	long register(Browser who, String url, boolean site, String... events) {
		registration(who, url, site, events);
		return hookAt(url);
	}

	/** A hook registered at /studio/webhooks, and the secret shown with it. */
	record Hook(long id, String secret) {
	}

	/** Registers a hook for the events, as {@link #register}, reading its secret. */
	Hook hook(Browser who, String url, String... events) {
		HttpResponse<String> registered = registration(who, url, false, events);
		String secret = Jsoup.parse(registered.body()).selectFirst("[data-testid=webhook-secret]").attr("value");
		assertThat(secret).startsWith("whsec_");
		return new Hook(hookAt(url), secret);
	}

	long hookAt(String url) {
		return jdbc.sql("SELECT id FROM webhooks WHERE url = :u ORDER BY created_at DESC LIMIT 1")
			.param("u", url)
			.query(Long.class)
			.list()
			.get(0);
	}

	HttpResponse<String> registration(Browser who, String url, boolean site, String... events) {
		who.page("/studio/webhooks");
		StringBuilder form = new StringBuilder(
				"_csrf=" + who.csrfToken() + "&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
		for (String e : events) {
			form.append("&events=").append(e);
		}
		if (site) {
			form.append("&site=yes");
		}
		HttpResponse<String> r = who.send("POST", "/studio/webhooks", "application/x-www-form-urlencoded",
				form.toString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r;
	}

	@Test
	void commentsReachTheCreatorsHooksAndTheAdminsSiteWideHooks() throws Exception {
		try (Receiver mine = new Receiver(); Receiver site = new Receiver()) {
			String handle = "cmt" + (System.nanoTime() % 1_000_000);
			Browser creator = creator(handle);
			long own = register(creator, mine.url(), true, "comment.created"); // site=yes
																				// from a
																				// creator:
																				// still
																				// own
																				// articles
			assertThat(jdbc.sql("SELECT creator_id FROM webhooks WHERE id = :id")
				.param("id", own)
				.query(Long.class)
				.single()).isNotNull();
			String adminEmail = "admin" + System.nanoTime() + "@inkstone.test";
			accounts.signUp(adminEmail, PASSWORD, "管理员", Role.ADMIN).orElseThrow();
			Browser admin = browser();
			admin.page("/login");
			admin.post("/login", Map.of("_csrf", admin.csrfToken(), "email", adminEmail, "password", PASSWORD));
			long siteWide = register(admin, site.url(), true, "comment.created");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE id = :id AND creator_id IS NULL")
				.param("id", siteWide)
				.query(Long.class)
				.single()).isEqualTo(1);

			String token = token(creator, "c", "write");
			String id = json(call("POST", "/api/v1/articles", token, article("春晓"))).get("id").asString();
			call("POST", "/api/v1/articles/" + id + "/publish", token, null);
			Browser other = creator(handle + "z");
			String othersToken = token(other, "c", "write");
			String othersId = json(call("POST", "/api/v1/articles", othersToken, article("别人的"))).get("id").asString();
			call("POST", "/api/v1/articles/" + othersId + "/publish", othersToken, null);

			other.page("/articles/" + id);
			assertThat(other
				.post("/articles/" + id + "/comments", Map.of("_csrf", other.csrfToken(), "text", "写得好 <b>x</b>"))
				.statusCode()).isEqualTo(302);
			creator.page("/articles/" + othersId);
			assertThat(creator
				.post("/articles/" + othersId + "/comments", Map.of("_csrf", creator.csrfToken(), "text", "互访"))
				.statusCode()).isEqualTo(302);

			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> mine.received.size() >= 1 && site.received.size() >= 2);
			JsonNode event = json(mine.received.get(0).get("body"));
			assertThat(event.get("type").asString()).isEqualTo("comment.created");
			assertThat(event.get("data").get("body").asString()).isEqualTo("写得好 <b>x</b>");
			assertThat(event.get("data").get("author").asString()).isEqualTo("作者" + handle + "z");
			assertThat(event.get("data").get("article").get("id").asString()).isEqualTo(id);
			assertThat(event.get("data").get("article").get("url").asString()).endsWith("/articles/" + id);
			assertThat(site.types()).containsExactly("comment.created", "comment.created");
			assertThat(site.received.stream()
				.map(r -> json(r.get("body")).get("data").get("article").get("id").asString()))
				.containsExactlyInAnyOrder(id, othersId);
			// the comment on someone else's article never reaches the creator's own hook
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = :h")
				.param("h", own)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	/**
	 * The Standard Webhooks signature of a delivery: HMAC-SHA256 of id.timestamp.body.
	 */
	static String signature(String secret, Map<String, String> delivery) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
		return "v1,"
				+ Base64.getEncoder()
					.encodeToString(mac
						.doFinal((delivery.get("id") + "." + delivery.get("timestamp") + "." + delivery.get("body"))
							.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aWebhookWithoutAUsableUrlOrAnyEventIsRefusedFieldByField() {
		Browser creator = creator(SignedInRoles.unique("hook"));
		creator.page("/studio/webhooks");
		HttpResponse<String> refused = creator.post("/studio/webhooks",
				Map.of("_csrf", creator.csrfToken(), "url", "ftp://x"));
		assertThat(refused.statusCode()).isEqualTo(400);
		Document refusedPage = Jsoup.parse(refused.body());
		assertThat(refusedPage.select("[data-field=url], [data-field=events]")).hasSize(2);
		FieldErrorTies.assertTiedTo(refusedPage, "input[name=url]", "field-error-url");
		FieldErrorTies.assertTiedTo(refusedPage, "input[name=events]", "field-error-events");
		// what was posted stays: the address, and no event ticked
		assertThat(refusedPage.select("input[name=url]").attr("value")).isEqualTo("ftp://x");
		assertThat(refusedPage.select("input[name=events][checked]")).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE url = 'ftp://x'").query(Long.class).single()).isZero();
	}

	@Test
	void aWebhookDeliveryIsSignedWithItsSecretAndRetriedAfterAFailure() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Author author = author("sign");
			Hook hook = hook(studio(author), receiver.url(), "article.published");
			String id = published(author.token(), "登鹳雀楼");
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received.size() >= 1);
			Map<String, String> first = receiver.received.get(0);
			JsonNode event = json(first.get("body"));
			assertThat(event.get("type").asString()).isEqualTo("article.published");
			assertThat(event.get("data").get("id").asString()).isEqualTo(id);
			assertThat(event.get("data").get("creator").asString()).isEqualTo(author.handle());
			// the API's lower-case status, as GET /api/v1/articles/{id} gives it
			assertThat(event.get("data").get("status").asString()).isEqualTo("published");
			assertThat(receiver.calls.get()).as("the first attempt got 500 and was retried").isGreaterThanOrEqualTo(2);
			assertThat(first.get("signature")).isEqualTo(signature(hook.secret(), first));
			assertThat(Math.abs(Long.parseLong(first.get("timestamp")) - System.currentTimeMillis() / 1000))
				.isLessThan(120);
		}
	}

	@Test
	void articleEventsArriveInOrderAndTheLogShowsTheAttemptsAndTheReceiversStatus() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Author author = author("log");
			Browser creator = studio(author);
			Hook hook = hook(creator, receiver.url(), "article.published", "article.updated", "article.unpublished");
			String id = published(author.token(), "登鹳雀楼");
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received.size() >= 1);
			// an edit while public, then unpublishing
			call("PATCH", "/api/v1/articles/" + id, author.token(), "{\"body\":\"白日依山尽，黄河入海流。\"}");
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.types().contains("article.updated"));
			call("POST", "/api/v1/articles/" + id + "/unpublish", author.token(), null);
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> receiver.types().contains("article.unpublished"));
			assertThat(receiver.types()).containsExactly("article.published", "article.updated", "article.unpublished");
			// the delivery log shows the retried delivery as delivered after 2 attempts,
			// each with the receiver's HTTP status code
			String delivered = "[data-testid=webhook-deliveries] tr[data-status=delivered]";
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.untilAsserted(
						() -> assertThat(creator.page("/studio/webhooks?log=" + hook.id()).html().select(delivered))
							.hasSize(3));
			Document log = creator.page("/studio/webhooks?log=" + hook.id()).html();
			assertThat(log.select(delivered + " td:eq(2)").eachText()).contains("2");
			assertThat(log.select(delivered + " td:eq(3)").eachText()).hasSize(3)
				.allSatisfy(text -> assertThat(text).startsWith("204"));
		}
	}

	@Test
	void anotherCreatorsArticleNeverReachesTheHookAndTheyCannotReadOrPingIt() throws Exception {
		try (Receiver receiver = new Receiver(false)) {
			Author author = author("mine");
			Browser creator = studio(author);
			Hook hook = hook(creator, receiver.url(), "article.published");
			Author theirs = author("theirs");
			Browser other = studio(theirs);
			String othersId = published(theirs.token(), "别人的诗");
			assertThat(other.get("/studio/webhooks?log=" + hook.id()).statusCode()).isEqualTo(404);
			assertThat(other.post("/studio/webhooks/" + hook.id() + "/ping", Map.of("_csrf", other.csrfToken()))
				.statusCode()).isEqualTo(404);
			// the test-send button: once the ping is in, the other article would have
			// been
			// too
			assertThat(creator.post("/studio/webhooks/" + hook.id() + "/ping", Map.of("_csrf", creator.csrfToken()))
				.statusCode()).isEqualTo(302);
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.types().contains("ping"));
			assertThat(receiver.received.stream().map(r -> r.get("body"))).noneMatch(b -> b.contains(othersId));
		}
	}

	@Test
	void aDeletedWebhookIsGoneFromTheList() throws Exception {
		try (Receiver receiver = new Receiver(false)) {
			Browser creator = creator(SignedInRoles.unique("gone"));
			long hookId = register(creator, receiver.url(), false, "article.published");
			assertThat(creator.page("/studio/webhooks").html().select("tr[data-webhook-id=" + hookId + "]")).hasSize(1);
			assertThat(creator.post("/studio/webhooks/" + hookId + "/delete", Map.of("_csrf", creator.csrfToken()))
				.statusCode()).isEqualTo(302);
			assertThat(creator.page("/studio/webhooks").html().select("tr[data-webhook-id=" + hookId + "]")).isEmpty();
		}
	}

	@Test
	void aDerivedSummaryFollowsTheBodyOnEveryEditAndATypedOneIsKept() {
		String handle = "sum" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		String token = token(creator, "摘要", "write");
		HttpResponse<String> created = call("POST", "/api/v1/articles", token, article("摘要跟随正文"));
		String id = json(created).get("id").asString();
		assertThat(call("POST", "/api/v1/articles/" + id + "/publish", token, null).statusCode()).isEqualTo(200);
		assertThat(json(browser().get("/api/v1/articles/" + id)).get("summary").asString()).contains("床前明月光");
		// the API: a new body without a summary derives it again
		HttpResponse<String> patched = call("PATCH", "/api/v1/articles/" + id, token, "{\"body\":\"秋风起兮白云飞。\"}");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		String summary = json(browser().get("/api/v1/articles/" + id)).get("summary").asString();
		assertThat(summary).contains("秋风起兮").doesNotContain("床前明月光");
		// the studio editor posts the shown (derived) summary back with a new body:
		// derived again too
		creator.page("/studio/articles/" + id);
		HttpResponse<String> edited = creator.post("/studio/articles/" + id + "/update",
				Map.of("_csrf", creator.csrfToken(), "title", "摘要跟随正文", "body", "草木黄落兮雁南归。", "channel", "tech",
						"original", "true", "aigc", "none", "tags", "唐诗", "summary", summary));
		assertThat(edited.statusCode()).as(edited.body()).isIn(200, 302, 303);
		assertThat(json(browser().get("/api/v1/articles/" + id)).get("summary").asString()).contains("草木黄落")
			.doesNotContain("秋风起兮");
		// a typed summary stays through body edits
		call("PATCH", "/api/v1/articles/" + id, token, "{\"summary\":\"我写的摘要\"}");
		call("PATCH", "/api/v1/articles/" + id, token, "{\"body\":\"兰有秀兮菊有芳。\"}");
		assertThat(json(browser().get("/api/v1/articles/" + id)).get("summary").asString()).isEqualTo("我写的摘要");
	}

	@Test
	void controlCharactersAreRefusedByTheStudioAndTheApiAndNothingIsStored() {
		String handle = "nul" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		long before = jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
		// the studio form: one field at a time, each refused with its own message
		Map<String, String> bad = Map.of("title", "标题\u0000尾", "summary", "摘要\u0007", "tags", "标签\u001b", "body",
				"正文\u0000\n第二行");
		for (var field : bad.entrySet()) {
			Map<String, String> draft = new HashMap<>(Map.of("title", "标题", "body", "正文\t有制表符\r\n第二行", "channel",
					"tech", "original", "true", "aigc", "none", "tags", "诗", "summary", "摘要", "action", "save"));
			draft.put(field.getKey(), field.getValue());
			creator.page("/studio/articles/new");
			draft.put("_csrf", creator.csrfToken());
			HttpResponse<String> refused = creator.post("/studio/articles", draft);
			assertThat(refused.statusCode()).as(field.getKey()).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).select("[data-field=" + field.getKey() + "]").text())
				.contains("控制字符");
		}
		// the API: problem+json naming each field
		String token = token(creator, "nul", "write");
		String json = JSON.createObjectNode()
			.put("title", "标题\u0000")
			.put("body", "正文\u0001")
			.put("summary", "\uFFFF")
			.put("channel", "tech")
			.put("original", true)
			.put("aigc", "none")
			.set("tags", JSON.createArrayNode().add("标\u0002签"))
			.toString();
		HttpResponse<String> problem = call("POST", "/api/v1/articles", token, json);
		assertProblem(problem, 400);
		assertThat(json(problem).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "body",
				"summary", "tags");
		assertProblem(
				call("POST", "/api/v1/articles", token, "{\"title\":\"孤\\ud800\",\"body\":\"正文\",\"channel\":\"tech\","
						+ "\"original\":true,\"aigc\":\"none\"}"),
				400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(before);
		// tab, line feed and carriage return are ordinary text
		HttpResponse<String> fine = call("POST", "/api/v1/articles", token,
				JSON.createObjectNode()
					.put("title", "标题")
					.put("body", "正文\t制表\r\n换行")
					.put("channel", "tech")
					.put("original", true)
					.put("aigc", "none")
					.toString());
		assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
	}

	@Autowired
	PublicUrl publicUrl;

	@Test
	void uploadsAnswerAbsoluteUrlsThatComeBackAsTheCallersOwnImages() {
		String token = author("abs").token();
		HttpResponse<String> uploaded = upload(token, png(800, 600), "远山");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode media = json(uploaded);
		String url = media.get("url").asString();
		String own = publicUrl.absolute("/media/");
		assertThat(url).startsWith(own);
		assertThat(uploaded.headers().firstValue("Location")).hasValue(url);
		assertThat(media.get("srcset").asString().split(","))
			.allSatisfy(candidate -> assertThat(candidate.strip()).startsWith(own).matches(".* \\d+w"));
		assertThat(media.get("markdown").asString()).contains("(/media/");
		// the absolute address sent back as cover and in the body is the caller's own
		// image, stored as the site's path
		String input = JSON.createObjectNode()
			.put("title", "远山")
			.put("body", "远山如黛。\n\n![远山](" + url + ")")
			.put("channel", "tech")
			.put("cover", url)
			.toString();
		HttpResponse<String> created = call("POST", "/api/v1/articles", token, input);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode article = json(created);
		assertThat(article.get("coverImage").asString()).isEqualTo(url);
		assertThat(created.headers().firstValue("Location"))
			.hasValue(publicUrl.absolute("/api/v1/articles/" + article.get("id").asString()));
		Element img = Jsoup.parseBodyFragment(article.get("html").asString()).selectFirst("img");
		assertThat(img.attr("src")).isEqualTo(url);
		assertThat(img.attr("srcset").split(",")).allSatisfy(c -> assertThat(c.strip()).startsWith(own));
		assertThat(jdbc.sql("SELECT cover_image FROM articles WHERE id = :id")
			.param("id", Long.parseLong(article.get("id").asString()))
			.query(String.class)
			.single()).isEqualTo(url.substring(publicUrl.base().length()));
		assertThat(jdbc.sql("SELECT body_markdown FROM articles WHERE id = :id")
			.param("id", Long.parseLong(article.get("id").asString()))
			.query(String.class)
			.single()).contains("](/media/").doesNotContain(publicUrl.base());
	}

	@Test
	void webhookTargetsWithPercentEncodedQueriesAreAcceptedAndJunkIsAFieldError() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Browser creator = creator("pct" + (System.nanoTime() % 1_000_000));
			for (String url : List.of(receiver.url() + "?next=%3Cx%3E", receiver.url() + "?q=%E4%BD%A0%20a&t=a%2Bb%3D",
					receiver.url() + "/a%2Fb?x=%3c", receiver.url() + "?ids%5B%5D=1")) {
				assertThat(register(creator, url, false, "article.published")).as(url).isPositive();
			}
			for (String junk : List.of("http://127.0.0.1/a b", "https://x.example/<script>", "https:///x?q=%3C",
					"https://x.example/?q=%zz")) {
				creator.page("/studio/webhooks");
				HttpResponse<String> refused = creator.send("POST", "/studio/webhooks",
						"application/x-www-form-urlencoded", "_csrf=" + creator.csrfToken() + "&url="
								+ URLEncoder.encode(junk, StandardCharsets.UTF_8) + "&events=article.published");
				assertThat(refused.statusCode()).as(junk).isEqualTo(400);
				assertThat(Jsoup.parse(refused.body()).select("[data-field=url]")).as(junk).hasSize(1);
			}
		}
	}

	@Test
	void everyAuthenticatedOperationCountsAgainstTheTokensLimit() {
		String token = author("lim").token();
		// drain the bucket with reads of the list, then every other operation is limited
		// too: who-am-I, uploads and writes
		int passed = 0;
		HttpResponse<String> limited = call("GET", "/api/v1/articles", token, null);
		while (limited.statusCode() == 200 && passed < 2 * BearerTokenFilter.REQUESTS_PER_MINUTE) {
			passed++;
			limited = call("GET", "/api/v1/articles", token, null);
		}
		assertProblem(limited, 429);
		// (the bucket refills 5 a second: an operation that counts is refused again
		// within a few calls, one that did not count would never be)
		List<Supplier<HttpResponse<String>>> others = List.of(() -> call("GET", "/api/v1/me", token, null),
				() -> call("POST", "/api/v1/articles", token, article("限流")), () -> upload(token, png(10, 10), "小"),
				() -> call("GET", "/api/v1/channels", token, null), () -> call("GET", "/api/v1/me", token, null));
		for (Supplier<HttpResponse<String>> other : others) {
			HttpResponse<String> answer = other.get();
			for (int i = 0; i < 40 && answer.statusCode() != 429; i++) {
				answer = other.get();
			}
			assertProblem(answer, 429);
			assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		}
	}

}
