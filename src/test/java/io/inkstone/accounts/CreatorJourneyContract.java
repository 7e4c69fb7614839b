package io.inkstone.accounts;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.support.Browser;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.inkstone.engagement.Engagement;
import io.inkstone.shared.PlatformDays;
import io.inkstone.support.MailServer;
import io.inkstone.support.TestImages;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.jsoup.Jsoup;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The creator side over HTTP, as a person does it: sign up, apply (申请入驻), get approved by
 * the admin, write with a preview, publish, unpublish — and everything a stranger must
 * not be able to do.
 */
abstract class CreatorJourneyContract {

	static final String ADMIN_EMAIL = "admin@inkstone.test";

	static final String ADMIN_PASSWORD = "admin-password-1";

	/**
	 * A real SMTP server in the test JVM (GreenMail) that receives what the app sends.
	 */
	static final MailServer SMTP = MailServer.smtp().start();

	static void mailProperties(DynamicPropertyRegistry registry) {
		SMTP.springProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Engagement engagement;

	Browser browser() {
		return new Browser(port);
	}

	/**
	 * One signed-in admin per application under test: sign-ins are throttled per account
	 * (10 per 10 minutes).
	 */
	private static final Map<Integer, Browser> ADMINS = new ConcurrentHashMap<>();

	Browser admin() {
		return ADMINS.computeIfAbsent(port, p -> signIn(ADMIN_EMAIL, ADMIN_PASSWORD));
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/**
	 * Publishing answers with the studio's editor and a message
	 * ({@code /studio/articles/ID?published}): the public path.
	 */
	static String articlePath(HttpResponse<String> published) {
		return "/articles/" + location(published).replaceAll(".*/studio/articles/(\\d+).*", "$1");
	}

	Browser signUp(String email, String name) {
		Browser b = browser();
		b.page("/signup");
		HttpResponse<String> r = b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", email, "password", "correct-horse-1", "displayName", name));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		confirmSignUp(b, email);
		return b;
	}

	/**
	 * With mail configured the account exists once the mailed link is confirmed: confirms
	 * it, signing {@code b} in.
	 */
	void confirmSignUp(Browser b, String email) {
		Matcher link = Pattern.compile("/signup/confirm\\?token=([A-Za-z0-9_-]+)")
			.matcher(mailTo(email, "/signup/confirm"));
		assertThat(link.find()).isTrue();
		assertThat(b.page("/signup/confirm?token=" + link.group(1)).status()).isEqualTo(200);
		HttpResponse<String> confirmed = b.post("/signup/confirm",
				Map.of("_csrf", b.csrfToken(), "token", link.group(1)));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
	}

	/**
	 * Waits for the newest mail to {@code to} whose text contains {@code marker}; returns
	 * its decoded text.
	 */
	static String mailTo(String to, String marker) {
		return SMTP.awaitMail(to, mail -> mail.mentions(marker), Duration.ofSeconds(10)).text();
	}

	/** Opens the verification link mailed at sign-up. */
	void verifyEmail(Browser b, String email) {
		if (jdbc.sql("SELECT email_verified FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Boolean.class)
			.single()) {
			return; // verified by its sign-up link
		}
		Matcher link = Pattern.compile("/account/verify\\?token=([A-Za-z0-9_-]+)")
			.matcher(mailTo(email, "/account/verify"));
		assertThat(link.find()).isTrue();
		assertThat(location(b.get("/account/verify?token=" + link.group(1)))).contains("/account?verified");
	}

	Browser signIn(String email, String password) {
		Browser b = browser();
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).doesNotContain("error");
		return b;
	}

	static Map<String, String> application(Browser b, String name, String handle) {
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", b.csrfToken());
		form.put("accountType", "个人");
		form.put("displayName", name);
		form.put("handle", handle);
		form.put("tagline", "写诗的人");
		form.put("channel", "tech");
		form.put("contact", "微信 inkstone");
		form.put("agreement", "yes");
		return form;
	}

	long approveAll() {
		Browser admin = admin();
		Document queue = admin.page("/admin/applications").html();
		long approved = 0;
		for (var form : queue.select("form[action$=/approve]")) {
			assertThat(admin.post(form.attr("action"), Map.of("_csrf", admin.csrfToken())).statusCode()).isEqualTo(302);
			approved++;
		}
		return approved;
	}

	@Test
	void aReaderAppliesIsApprovedWritesAndPublishes() {
		String email = "poet-" + System.nanoTime() + "@inkstone.test";
		String handle = "poet" + (System.nanoTime() % 100000);
		Browser reader = signUp(email, "诗人");
		assertThat(reader.page("/").testId("logout").text()).contains("诗人");
		// a reader is not a creator yet: /studio says so and links to 申请入驻
		Browser.Page notYet = reader.page("/studio");
		assertThat(notYet.status()).isEqualTo(200);
		assertThat(notYet.testId("studio-not-creator").attr("data-state")).isEqualTo("none");
		assertThat(notYet.testId("studio-not-creator").select("a[href=/join]")).hasSize(1);
		assertThat(notYet.testId("studio-not-creator").text()).contains("还没有申请入驻");
		assertThat(reader.get("/studio/articles/new").statusCode()).isEqualTo(403); // the
																					// rest
																					// of
																					// the
																					// studio
																					// stays
																					// closed

		// applying needs a verified e-mail (an account from before sign-up links: its
		// address is not verified yet)
		jdbc.sql("UPDATE accounts SET email_verified = FALSE WHERE email = :e").param("e", email).update();
		assertThat(reader.post("/account/verify", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(302);
		HttpResponse<String> unverified = reader.post("/join", application(reader, "某某传媒", handle));
		assertThat(unverified.statusCode()).isEqualTo(400);
		assertThat(unverified.body()).contains("请先验证邮箱");
		assertThat(reader.page("/account").html().select("[data-testid=unverified]")).hasSize(1);
		assertThat(reader.get("/account/verify?token=forged").statusCode()).isEqualTo(400);
		verifyEmail(reader, email);
		assertThat(reader.page("/account").html().select("[data-testid=unverified]")).isEmpty();

		// an organisation with a wrong credit code is refused with a clear field error,
		// nothing stored
		Map<String, String> bad = application(reader, "某某传媒", handle);
		bad.put("accountType", "企业");
		bad.put("entityName", "某某传媒有限公司");
		bad.put("creditCode", "91350100M000100Y44");
		HttpResponse<String> refused = reader.post("/join", bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("[data-field=creditCode]").text()).contains("统一社会信用代码无效");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single()).isZero();
		// a valid code passes the checksum (91350100M000100Y43 is the standard's example)
		bad.put("creditCode", "91350100M000100Y43");
		bad.put("_csrf", reader.csrfToken());
		assertThat(reader.post("/join", bad).statusCode()).isEqualTo(302);
		assertThat(reader.page("/join").testId("application-history").select("tr[data-status=pending]")).hasSize(1);
		Browser.Page pending = reader.page("/studio");
		assertThat(pending.testId("studio-not-creator").attr("data-state")).isEqualTo("pending");
		assertThat(pending.testId("studio-not-creator").text()).contains("正在审核中")
			.containsPattern("\\d{4}-\\d{2}-\\d{2}");
		// a second application while one is pending is refused
		assertThat(reader.post("/join", application(reader, "诗人二号", handle + "x")).statusCode()).isEqualTo(400);

		// a rejection without a reason is refused and decides nothing
		Browser reviewer = admin();
		String rejectAction = reviewer.page("/admin/applications")
			.html()
			.selectFirst("form[action$=/reject]")
			.attr("action");
		HttpResponse<String> noReason = reviewer.post(rejectAction,
				Map.of("_csrf", reviewer.csrfToken(), "reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("驳回须填写理由");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE status = 'pending'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(
				reviewer.post("/admin/applications/12345/approve", Map.of("_csrf", reviewer.csrfToken())).statusCode())
			.isEqualTo(404);

		assertThat(approveAll()).isPositive();
		assertThat(reader.page("/join").testId("application-history").select("tr[data-status=approved]")).hasSize(1);
		mailTo(email, "已通过"); // the applicant is told by e-mail (subject: 你的入驻申请已通过)
		assertThat(reader.page("/studio").html().select("[data-testid=studio-not-creator]")).isEmpty();

		assertThat(reader.get("/studio").statusCode()).as("the approval applies to the open session at once")
			.isEqualTo(200);
		Browser creator = signIn(email, "correct-horse-1");
		assertThat(creator.get("/studio").statusCode()).isEqualTo(200);
		creator.page("/studio/articles/new");
		Map<String, String> draft = new HashMap<>();
		draft.put("_csrf", creator.csrfToken());
		draft.put("title", "秋夜");
		draft.put("body", "秋风起兮白云飞，\n草木黄落兮雁南归。\n\n<script>alert(1)</script>[点我](javascript:alert(2))");
		draft.put("channel", "tech");
		draft.put("tags", "秋，诗");
		draft.put("aigc", "assisted");
		draft.put("source", "");
		draft.put("action", "preview");
		HttpResponse<String> preview = creator.post("/studio/articles", draft);
		Document previewPage = Jsoup.parse(preview.body());
		assertThat(previewPage.select("[data-testid=preview]").text()).contains("秋风起兮白云飞");
		assertThat(previewPage.select("[data-testid=preview] script, [data-testid=preview] a[href^=javascript]"))
			.isEmpty();
		// not original and no source: refused, the form keeps what was typed
		draft.put("action", "publish");
		HttpResponse<String> noSource = creator.post("/studio/articles", draft);
		assertThat(noSource.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noSource.body()).select("[data-field=source]").text()).contains("必须注明来源");
		assertThat(Jsoup.parse(noSource.body()).select("textarea[name=body]").text()).contains("秋风起兮");
		draft.put("original", "yes");
		HttpResponse<String> published = creator.post("/studio/articles", draft);
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(location(published)).contains("?published");
		String articlePath = articlePath(published);
		Browser.Page page = browser().page(articlePath);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("title").text()).isEqualTo("秋夜");
		assertThat(page.testId("byline").text()).contains("某某传媒").contains("原创").contains("AI辅助创作");
		assertThat(page.testId("body").select("script, a[href^=javascript]")).isEmpty();
		long id = Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
		// the implicit AI label: page metadata and JSON-LD carry the generation
		// attribute, platform and content id
		assertThat(page.html().select("meta[name=AIGC]").attr("content")).isEqualTo("assisted");
		JsonNode ld = new ObjectMapper().readTree(page.testId("json-ld").data());
		assertThat(ld.get("AIGC").get("Label").asString()).isEqualTo("2");
		assertThat(ld.get("AIGC").get("LabelText").asString()).isEqualTo("AI辅助创作");
		assertThat(ld.get("AIGC").get("ProduceID").asString()).isEqualTo(Long.toString(id));
		assertThat(ld.get("AIGC").get("ContentProducer").asString()).isEqualTo("砚 Inkstone");

		// a stranger can neither see nor change the draft side
		Browser other = signUp("other-" + System.nanoTime() + "@inkstone.test", "路人");
		assertThat(other.get("/studio/articles/" + id).statusCode()).isEqualTo(403);
		assertThat(other.post("/studio/articles/" + id, Map.of("_csrf", other.csrfToken(), "action", "unpublish"))
			.statusCode()).isEqualTo(403);
		assertThat(browser().get("/studio").statusCode()).isEqualTo(302);
		assertThat(location(browser().get("/admin/applications"))).endsWith("/login");
		assertThat(creator.get("/admin/applications").statusCode()).isEqualTo(403);

		// unpublish: the public page is gone, the studio still has it as a draft
		creator.page("/studio/articles/" + id);
		assertThat(creator.post("/studio/articles/" + id, Map.of("_csrf", creator.csrfToken(), "action", "unpublish"))
			.statusCode()).isEqualTo(302);
		assertThat(browser().page(articlePath).status()).isEqualTo(404);
		assertThat(creator.page("/studio").testId("studio-articles").select("tr[data-status=draft]")).hasSize(1);

		// delete (soft): gone from the site and the studio; an admin restores it as a
		// draft
		assertThat(location(
				creator.post("/studio/articles/" + id, Map.of("_csrf", creator.csrfToken(), "action", "delete"))))
			.as("the delete button asks first")
			.endsWith("/studio/articles/" + id + "/delete");
		assertThat(browser().page(articlePath).status()).as("nothing deleted before the confirmation").isEqualTo(404);
		assertThat(creator.page("/studio/articles/" + id + "/delete").testId("delete-confirm").text()).contains("秋夜");
		assertThat(
				creator.post("/studio/articles/" + id + "/delete", Map.of("_csrf", creator.csrfToken())).statusCode())
			.isEqualTo(302);
		assertThat(browser().page(articlePath).status()).isEqualTo(410);
		assertThat(creator.page("/studio").html().select("a[href=/studio/articles/" + id + "]")).isEmpty();
		assertThat(creator.get("/studio/articles/" + id).statusCode()).isEqualTo(404);
		Browser admin = admin();
		assertThat(
				admin.page("/admin/articles/deleted").testId("deleted-articles").select("tr[data-article=" + id + "]"))
			.hasSize(1);
		assertThat(creator.get("/admin/articles/deleted").statusCode()).isEqualTo(403);
		assertThat(admin.post("/admin/articles/" + id + "/restore", Map.of("_csrf", admin.csrfToken())).statusCode())
			.isEqualTo(302);
		assertThat(creator.page("/studio").html().select("a[href=/studio/articles/" + id + "]")).hasSize(1);
		// scheduled publishing: a past time is refused; a future one is kept and fires
		// when due
		creator.page("/studio/articles/new");
		Map<String, String> later = new HashMap<>(draft);
		later.put("_csrf", creator.csrfToken());
		later.put("title", "定时之作");
		// its own text: the same body again within a day is a repeat the review pipeline
		// may hold, depending on
		// whether the originality index has taken in the first article yet (it loads
		// fingerprints every second)
		later.put("body", "明月几时有？把酒问青天。\n不知天上宫阙，今夕是何年。");
		later.put("action", "schedule");
		later.put("publishAt", "2020-01-01T08:00");
		assertThat(creator.post("/studio/articles", later).statusCode()).isEqualTo(400);
		later.put("publishAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2).withSecond(0).withNano(0).toString());
		HttpResponse<String> scheduled = creator.post("/studio/articles", later);
		assertThat(scheduled.statusCode()).isEqualTo(302);
		assertThat(creator.page("/studio").testId("studio-articles").select("[data-testid=scheduled]")).hasSize(1);
		long scheduledId = jdbc.sql("SELECT id FROM articles WHERE title = '定时之作'").query(Long.class).single();
		assertThat(browser().page("/articles/" + scheduledId).status()).isEqualTo(404);
		// time passes (the schedule is moved into the past), the publisher fires within
		// its 10 s period
		jdbc.sql("UPDATE articles SET publish_at = :t WHERE id = :id")
			.param("t", System.currentTimeMillis() - 1000)
			.param("id", scheduledId)
			.update();
		long deadline = System.currentTimeMillis() + 40_000;
		while (browser().page("/articles/" + scheduledId).status() != 200 && System.currentTimeMillis() < deadline) {
			sleep(250);
		}
		assertThat(browser().page("/articles/" + scheduledId).status()).isEqualTo(200);

		// sign-out ends the session
		creator.post("/logout", Map.of("_csrf", creator.csrfToken()));
		assertThat(creator.get("/studio").statusCode()).isEqualTo(302);
	}

	/**
	 * Signs up, verifies, applies and has {@code admin} approve; returns the creator
	 * signed in afresh.
	 */
	Browser newCreator(Browser admin, String name) {
		String email = "c" + System.nanoTime() + "@inkstone.test";
		Browser b = signUp(email, name);
		verifyEmail(b, email);
		assertThat(b.post("/join", application(b, name, "h" + (System.nanoTime() % 10_000_000))).statusCode())
			.isEqualTo(302);
		for (var form : admin.page("/admin/applications").html().select("form[action$=/approve]")) {
			admin.post(form.attr("action"), Map.of("_csrf", admin.csrfToken()));
		}
		return signIn(email, "correct-horse-1");
	}

	long mediaRows() {
		return jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
	}

	HttpResponse<String> upload(Browser b, String alt, String name, String type, byte[] file, String accept) {
		return b.postMultipart("/studio/media", Map.of("_csrf", b.csrfToken(), "alt", alt), "file", name, type, file,
				accept);
	}

	@Test
	void creatorsUploadImagesIntoTheirOwnLibraryAndEditsKeepTheirHistory() throws Exception {
		assertThat(location(browser().get("/studio/media"))).contains("/login");
		Browser admin = admin();
		Browser a = newCreator(admin, "摄影师甲");
		Browser b = newCreator(admin, "摄影师乙");
		Document library = a.page("/studio/media").html();
		assertThat(library.selectFirst("form[data-testid=media-upload]").attr("enctype"))
			.isEqualTo("multipart/form-data");
		long before = mediaRows();

		// a phone photo with GPS: stored without it, upright, in responsive sizes, served
		// immutable to anyone
		HttpResponse<String> ok = upload(a, "西湖秋色", "IMG_0001.JPG", "image/jpeg", TestImages.jpegWithGps(1200, 800, 1),
				"text/html");
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
		Document uploaded = a.page(location(ok).replaceFirst("^https?://[^/]+", "")).html();
		String markdown = uploaded.selectFirst("[data-testid=media-markdown]").val();
		assertThat(markdown).startsWith("![西湖秋色](/media/").endsWith("/full.jpg)");
		String url = markdown.substring(markdown.indexOf("(/") + 1, markdown.length() - 1);
		HttpResponse<byte[]> image = browser().getBytes(url);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(image.body()))
			.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(browser().getBytes(url.replace("/full.jpg", "/480.jpg")).statusCode()).isEqualTo(200);
		assertThat(browser().getBytes(url.replace("/full.jpg", "/../../x")).statusCode()).isIn(400, 404);
		assertThat(mediaRows()).isEqualTo(before + 1);

		// bad uploads: clear status, a page a person understands, nothing stored
		byte[] png = TestImages.encode(TestImages.picture(64, 64), "png");
		HttpResponse<String> noAlt = upload(a, " ", "a.png", "image/png", png, "text/html");
		assertThat(noAlt.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noAlt.body()).select("[data-field=alt]").text()).contains("图片说明");
		HttpResponse<String> fake = upload(a, "假图片", "photo.jpg", "image/jpeg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
				"text/html");
		assertThat(fake.statusCode()).isEqualTo(415);
		assertThat(Jsoup.parse(fake.body()).selectFirst("[data-testid=error]").attr("data-status")).isEqualTo("415");
		HttpResponse<String> bomb = upload(a, "炸弹", "bomb.png", "image/png", TestImages.pngClaiming(60_000, 60_000),
				"text/html");
		assertThat(bomb.statusCode()).isEqualTo(413);
		byte[] huge = new byte[13 * 1024 * 1024];
		System.arraycopy(png, 0, huge, 0, png.length);
		HttpResponse<String> tooBig = upload(a, "太大", "huge.png", "image/png", huge, "text/html");
		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(tooBig.body()).selectFirst("[data-testid=error]").attr("data-status")).isEqualTo("413");
		assertThat(mediaRows()).isEqualTo(before + 1);

		// the editor's script upload answers JSON
		HttpResponse<String> json = upload(a, "蓝色圆", "circle.png", "image/png", png, "application/json");
		assertThat(json.statusCode()).isEqualTo(201);
		assertThat(json.body()).contains("\"markdown\":\"![蓝色圆](/media/");

		// an image the creator declares AI-generated is served with the implicit label in
		// its XMP
		HttpResponse<String> declared = a.postMultipart("/studio/media",
				Map.of("_csrf", a.csrfToken(), "alt", "AI 画的山", "ai", "yes"), "file", "ai.jpg", "image/jpeg",
				TestImages.jpegWithGps(700, 500, 1), "text/html");
		Document declaredPage = a.page(location(declared).replaceFirst("^https?://[^/]+", "")).html();
		String aiMarkdown = declaredPage.selectFirst("[data-testid=media-markdown]").val();
		String aiUrl = aiMarkdown.substring(aiMarkdown.indexOf("(/") + 1, aiMarkdown.length() - 1);
		var xmp = ImageMetadataReader.readMetadata(new ByteArrayInputStream(browser().getBytes(aiUrl).body()))
			.getFirstDirectoryOfType(XmpDirectory.class);
		assertThat(xmp.getXmpProperties().values()).anyMatch(v -> v.endsWith("/trainedAlgorithmicMedia"));
		assertThat(declaredPage.select("[data-testid=media-ai]")).isNotEmpty();

		// one creator never sees or deletes another's media
		long itemOfA = jdbc.sql("SELECT id FROM media WHERE alt = '西湖秋色'").query(Long.class).single();
		assertThat(b.page("/studio/media").html().select("[data-media-id=" + itemOfA + "]")).isEmpty();
		assertThat(b.post("/studio/media/" + itemOfA + "/delete", Map.of("_csrf", b.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(b.get("/studio/media?uploaded=" + itemOfA).statusCode()).isEqualTo(404);
		assertThat(a.page("/studio/media").html().select("[data-media-id=" + itemOfA + "]")).hasSize(1);

		// an article with the image as body picture and cover; another creator's image is
		// refused as cover
		a.page("/studio/articles/new");
		Map<String, String> draft = new HashMap<>();
		draft.put("_csrf", a.csrfToken());
		draft.put("title", "湖上");
		draft.put("body", "水光潋滟晴方好。\n\n" + markdown + "\n\n山色空蒙雨亦奇。");
		draft.put("channel", "travel");
		draft.put("original", "yes");
		draft.put("summary", "一篇写西湖的短文");
		draft.put("cover", "/media/" + "0".repeat(64) + "/full.jpg");
		draft.put("action", "publish");
		HttpResponse<String> badCover = a.post("/studio/articles", draft);
		assertThat(badCover.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badCover.body()).select("[data-field=cover]").text()).contains("图片库");
		draft.put("cover", url);
		HttpResponse<String> published = a.post("/studio/articles", draft);
		assertThat(published.statusCode()).isEqualTo(302);
		String articlePath = articlePath(published);
		long articleId = Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
		Document page = browser().page(articlePath).html();
		assertThat(page.select("[data-testid=body] img").attr("src")).isEqualTo(url);
		assertThat(page.select("[data-testid=body] img").attr("alt")).isEqualTo("西湖秋色");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("一篇写西湖的短文");
		assertThat(jdbc.sql("SELECT cover_image FROM articles WHERE id = :id")
			.param("id", articleId)
			.query(String.class)
			.single()).isEqualTo(url);
		assertThat(page.select("[data-testid=corrections]")).isEmpty();
		// lists show the cover in the 单图 layout (a fixed box: no layout shift)
		var card = browser().page("/channels/travel")
			.html()
			.selectFirst("li.card-with-cover:has(a.card-title[href=" + articlePath + "])");
		assertThat(card).as("the channel page shows the article's card with its cover").isNotNull();
		assertThat(card.selectFirst("img[data-testid=card-cover]").attr("src")).isEqualTo(url);
		assertThat(card.selectFirst("img[data-testid=card-cover]").attr("width")).isNotBlank();

		// an edit after publication with a public correction note; history and a
		// side-by-side diff in the studio
		Document editor = a.page("/studio/articles/" + articleId).html();
		assertThat(editor.select("[data-testid=correction]")).hasSize(1);
		draft.put("_csrf", a.csrfToken());
		draft.put("body", draft.get("body").replace("晴方好", "晴偏好"));
		draft.put("correction", "更正：第一句原文误作“晴偏好”之前的版本。");
		draft.put("action", "save");
		assertThat(a.post("/studio/articles/" + articleId, draft).statusCode()).isEqualTo(302);
		Document corrected = browser().page(articlePath).html();
		assertThat(corrected.select("[data-testid=body]").text()).contains("晴偏好");
		assertThat(corrected.select("[data-testid=corrections] li").text()).contains("更正：第一句");
		Document history = a.page("/studio/articles/" + articleId + "/revisions").html();
		assertThat(history.select("[data-testid=revision-list] li")).hasSize(2);
		String latest = history.select("[data-testid=revision-list] li a").last().attr("href");
		Document diff = a.page(latest).html();
		assertThat(diff.select("[data-testid=diff] tr[data-kind=change] del").text()).contains("方");
		assertThat(diff.select("[data-testid=diff] tr[data-kind=change] ins").text()).contains("偏");
		assertThat(b.get("/studio/articles/" + articleId + "/revisions").statusCode()).isEqualTo(404);
		// the red 发布 button on a published article updates it (it used to answer 400
		// "only drafts can be scheduled")
		draft.put("_csrf", a.csrfToken());
		draft.put("title", draft.get("title") + "（修订）");
		draft.put("correction", "更正：标题补上修订字样。");
		draft.put("action", "publish");
		HttpResponse<String> republished = a.post("/studio/articles/" + articleId, draft);
		assertThat(republished.statusCode()).as(republished.body()).isEqualTo(302);
		assertThat(location(republished)).endsWith("/studio/articles/" + articleId + "?updated");
		assertThat(browser().page(articlePath).testId("title").text()).endsWith("（修订）");

		// the avatar goes through the same media checks; the card shows it
		HttpResponse<String> avatar = a.postMultipart("/studio/profile",
				Map.of("_csrf", a.csrfToken(), "tagline", "拍湖光山色"), "avatar", "me.jpg", "image/jpeg",
				TestImages.jpegWithGps(900, 900, 1), "text/html");
		assertThat(avatar.statusCode()).isEqualTo(302);
		Document creatorCard = browser().page(articlePath).html();
		assertThat(creatorCard.select("[data-testid=creator-card] img.avatar").attr("src"))
			.matches("/media/[0-9a-f]{64}/480\\.jpg");
		assertThat(creatorCard.select("[data-testid=creator-card] .creator-tagline").text()).isEqualTo("拍湖光山色");
		HttpResponse<String> badAvatar = a.postMultipart("/studio/profile",
				Map.of("_csrf", a.csrfToken(), "tagline", "x"), "avatar", "me.jpg", "image/jpeg",
				"not an image".getBytes(StandardCharsets.UTF_8), "text/html");
		assertThat(badAvatar.statusCode()).isEqualTo(415);
		assertThat(a
			.postMultipart("/studio/profile", Map.of("_csrf", a.csrfToken(), "tagline", "长".repeat(61)), "avatar", "",
					"application/octet-stream", new byte[0], "text/html")
			.statusCode()).isEqualTo(400);

		// analytics: two readers read, creator B (signed in) follows A; the charts show
		// what the database holds
		browser().view(articleId); // the read beacon each page sends
		browser().view(articleId);
		String handleOfA = page.selectFirst("[data-testid=byline] a.byline-creator")
			.attr("href")
			.replace("/creators/", "");
		b.page("/creators/" + handleOfA);
		assertThat(b.post("/creators/" + handleOfA + "/follow", Map.of("_csrf", b.csrfToken())).statusCode())
			.isEqualTo(302);
		engagement.flush();
		long readsToday = jdbc
			.sql("SELECT COALESCE(SUM(reads), 0) FROM article_daily_stats WHERE article_id = :id AND day = :day")
			.param("id", articleId)
			.param("day", PlatformDays.of(System.currentTimeMillis()))
			.query(Long.class)
			.single();
		assertThat(readsToday).isGreaterThanOrEqualTo(2);
		Document analytics = a.page("/studio/analytics?days=30").html();
		assertThat(analytics.select("[data-testid=chart-reads] tbody tr")).hasSize(30);
		assertThat(analytics.select("[data-testid=chart-reads] tbody tr").last().selectFirst(".value").text())
			.isEqualTo(Long.toString(readsToday));
		assertThat(analytics.selectFirst("[data-testid=chart-reads]").attr("data-total"))
			.isEqualTo(Long.toString(readsToday));
		assertThat(analytics.selectFirst("[data-testid=chart-followers]").attr("data-total")).isEqualTo("1");
		assertThat(analytics.select("[data-testid=followers] li").text()).contains("摄影师乙");
		assertThat(analytics.select("[data-testid=chart-reads] svg rect")).hasSize(30);
		assertThat(a.get("/studio/analytics?days=8").statusCode()).isEqualTo(400);

		// an article declared "no AI" whose image says AI-generated: held, and once
		// approved labelled 疑似AI生成
		a.page("/studio/articles/new");
		HttpResponse<String> undeclared = a.post("/studio/articles",
				Map.of("_csrf", a.csrfToken(), "title", "山居", "body", "山中一日。\n\n" + aiMarkdown, "channel", "travel",
						"original", "yes", "aigc", "none", "action", "publish"));
		assertThat(location(undeclared)).contains("?pending");
		long undeclaredId = Long.parseLong(location(undeclared).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
		assertThat(admin.page("/admin/review/" + undeclaredId)
			.html()
			.select("[data-testid=findings] li[data-kind=undeclared-ai]")).hasSize(1);
		assertThat(
				admin.post("/admin/review/" + undeclaredId, Map.of("_csrf", admin.csrfToken(), "outcome", "approved"))
					.statusCode())
			.isEqualTo(302);
		Browser.Page labelled = browser().page("/articles/" + undeclaredId);
		assertThat(labelled.testId("byline").select("[data-testid=label-ai]").text()).isEqualTo("疑似AI生成");
		assertThat(labelled.html().select("meta[name=AIGC]").attr("content")).isEqualTo("suspected");
		assertThat(labelled.testId("json-ld").data()).contains("\"LabelText\":\"疑似AI生成\"");
		assertThat(browser().page("/creators/" + handleOfA).html().select("[data-testid=label-ai-suspected]"))
			.isNotEmpty();
		assertThat(location(browser().get("/studio/analytics"))).contains("/login");
	}

	/**
	 * {@code /studio} before there is a studio: a rejection with its reason and the way
	 * back; staff to the console.
	 */
	@Test
	void theStudioExplainsARejectionAndSendsStaffToTheConsole() {
		String email = "rejected-" + System.nanoTime() + "@inkstone.test";
		String handle = "rej" + (System.nanoTime() % 1000000);
		Browser applicant = signUp(email, "被拒者");
		verifyEmail(applicant, email);
		assertThat(applicant.post("/join", application(applicant, "被拒者" + handle, handle)).statusCode()).isEqualTo(302);
		long application = jdbc.sql("SELECT id FROM creator_applications WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single();
		Browser admin = admin();
		assertThat(admin
			.post("/admin/applications/" + application + "/reject",
					Map.of("_csrf", admin.csrfToken(), "reason", "联系方式无法核实，请补充手机号"))
			.statusCode()).isEqualTo(302);

		Browser.Page rejected = applicant.page("/studio");
		assertThat(rejected.status()).isEqualTo(200);
		var explained = rejected.testId("studio-not-creator");
		assertThat(explained.attr("data-state")).isEqualTo("rejected");
		assertThat(explained.text()).contains("未通过").contains("联系方式无法核实，请补充手机号").contains("还可申请 2 次");
		assertThat(explained.select("a[href=/join]")).hasSize(1);

		// English readers get the same in English
		Browser.Page english = applicant.page("/studio?lang=en");
		assertThat(english.testId("studio-not-creator").text()).contains("not approved")
			.contains("2 more applications");

		Browser.Page staff = admin.page("/studio");
		assertThat(staff.status()).isEqualTo(200);
		assertThat(staff.testId("studio-not-creator").attr("data-state")).isEqualTo("staff");
		assertThat(staff.testId("studio-not-creator").select("a[href=/admin]")).hasSize(1);
		assertThat(location(browser().get("/studio"))).contains("/login");
	}

	@Test
	void adminsAppointReviewersWithReasonsAndEveryStaffActionIsAudited() {
		Browser admin = admin();
		String email = "reviewer" + System.nanoTime() + "@inkstone.test";
		Browser candidate = signUp(email, "审核员小王");
		assertThat(candidate.get("/admin").statusCode()).isEqualTo(403);

		HttpResponse<String> noReason = admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", email, "reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noReason.body()).select("[data-testid=staff-error]").text()).contains("理由");
		HttpResponse<String> unknown = admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", "nobody@inkstone.test", "reason", "试用"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(admin
			.post("/admin/staff/reviewers", Map.of("_csrf", admin.csrfToken(), "email", email, "reason", "内容审核轮值"))
			.statusCode()).isEqualTo(302);
		Document staff = admin.page("/admin/staff").html();
		assertThat(staff.select("[data-testid=staff-list] tr[data-role=REVIEWER]").text()).contains(email);

		// the open session of the new reviewer gets the role on its next request; staff
		// pages stay admin-only
		assertThat(candidate.get("/admin").statusCode()).isEqualTo(200);
		assertThat(candidate.get("/admin/staff").statusCode()).isEqualTo(403);
		Browser.Page reviewerStudio = candidate.page("/studio");
		assertThat(reviewerStudio.status()).isEqualTo(200);
		assertThat(reviewerStudio.testId("studio-not-creator").attr("data-state")).isEqualTo("staff");
		assertThat(reviewerStudio.testId("studio-not-creator").select("a[href=/admin]")).hasSize(1);
		assertThat(candidate.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(candidate
			.post("/admin/staff/reviewers", Map.of("_csrf", candidate.csrfToken(), "email", email, "reason", "x"))
			.statusCode()).isEqualTo(403);

		long reviewerId = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
		assertThat(admin
			.post("/admin/staff/reviewers/" + reviewerId + "/revoke",
					Map.of("_csrf", admin.csrfToken(), "reason", "轮值结束"))
			.statusCode()).isEqualTo(302);
		assertThat(candidate.get("/admin").statusCode()).isEqualTo(403);

		// the audit log holds both decisions with their reasons, newest first, and the
		// admin's sign-in
		Document audit = admin.page("/admin/audit").html();
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.revoke-reviewer]").text())
			.contains("轮值结束");
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.appoint-reviewer]").text())
			.contains("内容审核轮值");
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.sign-in]")).isNotEmpty();
		HttpResponse<String> csv = admin.get("/admin/audit.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("staff.appoint-reviewer").contains("内容审核轮值");
		assertThat(admin.get("/admin/audit.csv?from=2026-13-01").statusCode()).isEqualTo(400);

		// append-only, whoever asks: the database itself refuses to change or remove an
		// entry
		Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET reason = 'forged'").update())
			.isInstanceOf(DataAccessException.class);
		Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE reason = 'forged'").query(Long.class).single())
			.isZero();
	}

	/** Who may do what: every studio and admin endpoint, for each kind of visitor. */
	@Test
	void everyProtectedEndpointAnswersEachRoleAsDesigned() {
		Browser admin = admin();
		Browser owner = newCreator(admin, "权限甲");
		Browser other = newCreator(admin, "权限乙");
		Browser reader = signUp("matrix" + System.nanoTime() + "@inkstone.test", "读者丙");
		Browser anonymous = browser();
		anonymous.page("/");
		owner.page("/studio/articles/new");
		HttpResponse<String> created = owner.post("/studio/articles", Map.of("_csrf", owner.csrfToken(), "title",
				"权限草稿", "body", "只有作者能看。", "channel", "tech", "original", "yes", "action", "save"));
		String draftPath = location(created).replaceFirst("^https?://[^/]+", "").replace("?saved", "");
		byte[] png = TestImages.encode(TestImages.picture(32, 32), "png");
		upload(owner, "权限图", "p.png", "image/png", png, "text/html");
		long media = jdbc.sql("SELECT id FROM media WHERE alt = '权限图'").query(Long.class).single();

		record Row(String path, int anonymous, int reader, int owner, int other, int admin) {
		}
		// /studio explains itself to a signed-in reader and to staff (not a creator yet /
		// staff): 200 with the reason
		List<Row> gets = List.of(new Row("/studio", 302, 200, 200, 200, 200),
				new Row("/studio/media", 302, 403, 200, 200, 404),
				new Row("/studio/analytics", 302, 403, 200, 200, 404),
				new Row("/studio/stats.csv", 302, 403, 200, 200, 404),
				new Row("/studio/profile", 302, 403, 200, 200, 404), new Row("/studio/credit", 302, 403, 200, 200, 404),
				new Row("/admin/reports", 302, 403, 403, 403, 200), new Row("/admin/review", 302, 403, 403, 403, 200),
				new Row("/studio/articles/new", 302, 403, 200, 200, 404), new Row(draftPath, 302, 403, 200, 404, 404),
				new Row(draftPath + "/revisions", 302, 403, 200, 404, 404),
				new Row("/studio/media?uploaded=" + media, 302, 403, 200, 404, 404),
				new Row("/admin", 302, 403, 403, 403, 200), new Row("/admin/applications", 302, 403, 403, 403, 200),
				new Row("/admin/articles/deleted", 302, 403, 403, 403, 200),
				new Row("/admin/staff", 302, 403, 403, 403, 200), new Row("/admin/audit", 302, 403, 403, 403, 200),
				new Row("/admin/audit.csv", 302, 403, 403, 403, 200), new Row("/account", 302, 200, 200, 200, 200),
				new Row("/admin/users", 302, 403, 403, 403, 200), new Row("/admin/settings", 302, 403, 403, 403, 200),
				new Row("/admin/settings/statements", 302, 403, 403, 403, 200),
				new Row("/admin/users/"
						+ admin.page("/admin/users").html().selectFirst("tr[data-user]").attr("data-user"), 302, 403,
						403, 403, 200),
				new Row("/account/two-factor", 302, 200, 200, 200, 200));
		Map<String, Browser> who = new LinkedHashMap<>();
		who.put("anonymous", anonymous);
		who.put("reader", reader);
		who.put("owner", owner);
		who.put("other", other);
		who.put("admin", admin);
		List<String> wrong = new ArrayList<>();
		for (Row row : gets) {
			int[] expected = { row.anonymous(), row.reader(), row.owner(), row.other(), row.admin() };
			int i = 0;
			for (var entry : who.entrySet()) {
				int status = entry.getValue().get(row.path()).statusCode();
				if (status != expected[i]) {
					wrong.add("GET " + row.path() + " as " + entry.getKey() + ": " + status + ", expected "
							+ expected[i]);
				}
				i++;
			}
		}
		// writes: someone else's draft or media answers 404 and changes nothing; staff
		// actions refuse non-staff
		record Write(String path, Map<String, String> form, String as, int expected) {
		}
		List<Write> writes = List.of(
				new Write(draftPath,
						Map.of("title", "改掉", "body", "改掉", "channel", "tech", "original", "yes", "action", "save"),
						"other", 404),
				new Write(draftPath, Map.of("action", "delete"), "other", 404),
				new Write("/studio/media/" + media + "/delete", Map.of(), "other", 404),
				new Write("/studio/media/" + media + "/delete", Map.of(), "reader", 403),
				new Write("/admin/applications/1/approve", Map.of(), "owner", 403),
				new Write("/admin/staff/reviewers", Map.of("email", "x@y.z", "reason", "r"), "reader", 403),
				new Write("/admin/articles/1/restore", Map.of(), "other", 403), new Write(draftPath,
						Map.of("title", "t", "body", "b", "channel", "tech", "action", "save"), "anonymous", 302));
		for (Write w : writes) {
			Browser b = who.get(w.as());
			Map<String, String> form = new HashMap<>(w.form());
			form.put("_csrf", b.csrfToken());
			int status = b.post(w.path(), form).statusCode();
			if (status != w.expected()) {
				wrong.add("POST " + w.path() + " as " + w.as() + ": " + status + ", expected " + w.expected());
			}
		}
		// without the CSRF token every write is refused with 403, even the owner's
		assertThat(owner.post(draftPath, Map.of("title", "x", "body", "x", "channel", "tech", "action", "save"))
			.statusCode()).isEqualTo(403);
		// reviewers decide reports and reviews; restoring deleted articles and the hot
		// list are the admins' (README)
		String reviewerEmail = "matrix-reviewer" + System.nanoTime() + "@inkstone.test";
		Browser reviewer = signUp(reviewerEmail, "审核员丁");
		assertThat(admin
			.post("/admin/staff/reviewers",
					Map.of("_csrf", admin.csrfToken(), "email", reviewerEmail, "reason", "权限矩阵"))
			.statusCode()).isEqualTo(302);
		for (String path : List.of("/admin/reports", "/admin/review", "/admin/applications")) {
			if (reviewer.get(path).statusCode() != 200) {
				wrong.add("GET " + path + " as reviewer: expected 200");
			}
		}
		for (String path : List.of("/admin/articles/deleted", "/admin/hot", "/admin/staff", "/admin/audit",
				"/admin/users", "/admin/settings", "/admin/settings/statements")) {
			int status = reviewer.get(path).statusCode();
			if (status != 403) {
				wrong.add("GET " + path + " as reviewer: " + status + ", expected 403");
			}
		}
		for (String path : List.of("/admin/articles/1/restore", "/admin/hot/1", "/admin/users/1/suspend",
				"/admin/users/1/restore", "/admin/users/1/two-factor/reset", "/admin/settings", "/admin/settings/lists",
				"/admin/settings/mail", "/admin/settings/mail/test", "/admin/settings/public-url",
				"/admin/settings/logo", "/admin/settings/logo/reset", "/admin/settings/statements/take-down",
				"/admin/settings/statements/take-down/reset")) {
			int status = reviewer.post(path, Map.of("_csrf", reviewer.csrfToken(), "action", "pin", "reason", "r"))
				.statusCode();
			if (status != 403) {
				wrong.add("POST " + path + " as reviewer: " + status + ", expected 403");
			}
		}
		// a reviewer who applies to write is decided by someone else, never by themselves
		reviewer.page("/join");
		assertThat(reviewer.post("/join", application(reviewer, "审核员丁", "matrixrev" + System.nanoTime() % 100000))
			.statusCode()).isEqualTo(302);
		long own = jdbc
			.sql("SELECT a.id FROM creator_applications a JOIN accounts u ON u.id = a.account_id"
					+ " WHERE u.email = :e AND a.status = 'pending'")
			.param("e", reviewerEmail)
			.query(Long.class)
			.single();
		for (String decision : List.of("approve", "reject")) {
			HttpResponse<String> refused = reviewer.post("/admin/applications/" + own + "/" + decision,
					Map.of("_csrf", reviewer.csrfToken(), "reason", "自己批准自己"));
			if (refused.statusCode() != 403 || !refused.body().contains("不能审核自己的入驻申请")) {
				wrong.add("POST " + decision + " of their own application as reviewer: " + refused.statusCode()
						+ ", expected 403");
			}
		}
		assertThat(jdbc.sql("SELECT status FROM creator_applications WHERE id = :id")
			.param("id", own)
			.query(String.class)
			.single()).isEqualTo("pending");
		assertThat(wrong).isEmpty();
		assertThat(owner.page(draftPath).html().selectFirst("input[name=title]").val()).isEqualTo("权限草稿");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE id = :id").param("id", media).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aCreatorStartsAtMostSixtyNewDraftsAnHour() {
		Browser creator = newCreator(admin(), "草稿机");
		creator.page("/studio/articles/new");
		int status = 0;
		int created = 0;
		for (int i = 0; i < 61 && status != 429; i++) {
			status = creator
				.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", "草稿" + i, "body", "正文",
						"channel", "tech", "original", "yes", "action", "save"))
				.statusCode();
			if (status == 302) {
				created++;
			}
		}
		assertThat(created).isEqualTo(60);
		assertThat(status).isEqualTo(429);
	}

	/** Publishes an article as this creator; returns its path. */
	String publish(Browser creator, String title, String body) {
		creator.page("/studio/articles/new");
		HttpResponse<String> r = creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", title,
				"body", body, "channel", "tech", "original", "yes", "action", "publish"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return articlePath(r);
	}

	@Test
	void rulesPagesAreVersionedEditedByAdminsOnlyAndAcceptanceIsRecorded() {
		Browser reader = browser();
		Document index = reader.page("/rules").html();
		assertThat(index.select("[data-testid=rules-list] li")).hasSize(3);
		assertThat(index.select("[data-testid=rules-list] a").eachText()).containsExactly("平台公约", "创作者协议", "隐私政策");
		Document community = reader.page("/rules/community").html();
		int before = Integer.parseInt(community.selectFirst("[data-testid=rules-page]").attr("data-version"));
		assertThat(community.select("[data-testid=rules-body]").text()).contains("谣言");

		Browser admin = admin();
		assertThat(admin
			.post("/admin/rules/community",
					Map.of("_csrf", admin.csrfToken(), "title", "平台公约", "body", "新的条款", "note", ""))
			.statusCode()).isEqualTo(400);
		HttpResponse<String> published = admin.post("/admin/rules/community",
				Map.of("_csrf", admin.csrfToken(), "title", "平台公约", "body",
						community.select("[data-testid=rules-body]").text() + "\n\n## 五、新增\n禁止刷量。", "note",
						"新增第五条：禁止刷量"));
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(location(published)).endsWith("/rules/community/v/" + (before + 1));
		Document now = reader.page("/rules/community").html();
		assertThat(now.selectFirst("[data-testid=rules-page]").attr("data-version"))
			.isEqualTo(Integer.toString(before + 1));
		assertThat(now.select("[data-testid=rules-body]").text()).contains("禁止刷量");
		assertThat(now.select("[data-testid=rules-versions] li")).hasSize(before + 1);
		Document old = reader.page("/rules/community/v/" + before).html();
		assertThat(old.select("[data-testid=rules-superseded]")).hasSize(1);
		assertThat(old.select("[data-testid=rules-body]").text()).doesNotContain("禁止刷量");
		assertThat(reader.get("/rules/nothing").statusCode()).isEqualTo(404);
		assertThat(reader.get("/rules/community/v/99").statusCode()).isEqualTo(404);
		assertThat(location(reader.get("/admin/rules/community"))).contains("/login");
		assertThat(admin.page("/admin/audit").html().select("tr[data-action=settings.rules-publish]").text())
			.contains("禁止刷量");

		// signing up accepts the rules in force; applying records the creator agreement's
		// version
		String email = "accept" + System.nanoTime() + "@inkstone.test";
		Browser newcomer = signUp(email, "新读者");
		long account = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT version FROM rule_acceptances WHERE account_id = :a AND slug = 'community'")
			.param("a", account)
			.query(Integer.class)
			.single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_acceptances WHERE account_id = :a AND slug = 'privacy'")
			.param("a", account)
			.query(Long.class)
			.single()).isEqualTo(1);
		verifyEmail(newcomer, email);
		// the application form carries an avatar (multipart, same image rules); a bad
		// image stores nothing
		String handle = "rules" + (System.nanoTime() % 100000);
		Map<String, String> form = application(newcomer, "守规矩的人", handle);
		assertThat(newcomer
			.postMultipart("/join", form, "avatar", "a.png", "image/png", "<svg/>".getBytes(StandardCharsets.UTF_8),
					"text/html")
			.statusCode()).isEqualTo(415);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single()).isZero();
		assertThat(newcomer
			.postMultipart("/join", form, "avatar", "a.jpg", "image/jpeg", TestImages.jpegWithGps(600, 600, 1),
					"text/html")
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT agreement_version FROM creator_applications WHERE account_id = :a")
			.param("a", account)
			.query(String.class)
			.single()).isEqualTo("v1");
		long application = jdbc.sql("SELECT id FROM creator_applications WHERE account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single();
		assertThat(admin.post("/admin/applications/" + application + "/approve", Map.of("_csrf", admin.csrfToken()))
			.statusCode()).isEqualTo(302);
		assertThat(browser().page("/creators/" + handle)
			.html()
			.select("[data-testid=creator-card] img.avatar")
			.attr("src")).matches("/media/[0-9a-f]{64}/480\\.jpg");
	}

	@Test
	void editorsPinRemoveAndDemoteHotItemsOnlyWithReasonsThatArePublic() {
		Browser admin = admin();
		Browser creator = newCreator(admin, "热榜作者");
		long first = id(publish(creator, "热榜一", "第一篇用于热榜测试的文章正文。"));
		long second = id(publish(creator, "热榜二", "第二篇用于热榜测试的文章正文。"));
		long third = id(publish(creator, "热榜三", "第三篇用于热榜测试的文章正文。"));
		long deadline = System.currentTimeMillis() + 10_000; // the hot list refreshes
																// every 2 s
		List<String> before;
		do {
			sleep(200);
			before = admin.page("/admin/hot")
				.html()
				.select("[data-testid=hot-admin-list] > li")
				.eachAttr("data-article");
		}
		while (!before.containsAll(List.of(Long.toString(first), Long.toString(second), Long.toString(third)))
				&& System.currentTimeMillis() < deadline);
		assertThat(before).contains(Long.toString(first), Long.toString(second), Long.toString(third));

		assertThat(admin.post("/admin/hot/" + first, Map.of("_csrf", admin.csrfToken(), "action", "pin", "reason", " "))
			.statusCode()).isEqualTo(400);
		assertThat(creator
			.post("/admin/hot/" + first, Map.of("_csrf", creator.csrfToken(), "action", "pin", "reason", "自己置顶"))
			.statusCode()).isEqualTo(403);
		assertThat(admin
			.post("/admin/hot/" + first, Map.of("_csrf", admin.csrfToken(), "action", "pin", "reason", "重大突发，置顶说明"))
			.statusCode()).isEqualTo(302);
		assertThat(admin
			.post("/admin/hot/" + second, Map.of("_csrf", admin.csrfToken(), "action", "remove", "reason", "标题党，移出"))
			.statusCode()).isEqualTo(302);
		assertThat(admin
			.post("/admin/hot/" + third, Map.of("_csrf", admin.csrfToken(), "action", "demote", "reason", "与置顶重复"))
			.statusCode()).isEqualTo(302);
		List<String> after = admin.page("/admin/hot")
			.html()
			.select("[data-testid=hot-admin-list] > li")
			.eachAttr("data-article");
		assertThat(after.get(0)).isEqualTo(Long.toString(first));
		assertThat(after).doesNotContain(Long.toString(second));
		assertThat(after.get(after.size() - 1)).isEqualTo(Long.toString(third));

		Document algorithms = browser().page("/algorithms").html();
		assertThat(algorithms.select("[data-testid=interventions] tr[data-action=pin]").text()).contains("热榜一")
			.contains("重大突发");
		assertThat(algorithms.select("[data-testid=interventions] tr[data-action=remove]").text()).contains("标题党");
		assertThat(admin
			.post("/admin/hot/" + second, Map.of("_csrf", admin.csrfToken(), "action", "clear", "reason", "已核实"))
			.statusCode()).isEqualTo(302);
		assertThat(browser().page("/algorithms").html().select("[data-testid=interventions] tr[data-action=remove]"))
			.isEmpty();
		Document audit = admin.page("/admin/audit").html();
		assertThat(audit.select("tr[data-action=hot.pin]").text()).contains("重大突发");
		assertThat(audit.select("tr[data-action=hot.clear]").text()).contains("已核实");

		// admins rebuild the search index from the database with a progress page; search
		// keeps working
		assertThat(creator.get("/admin/search").statusCode()).isEqualTo(403);
		assertThat(admin.post("/admin/search/rebuild", Map.of("_csrf", admin.csrfToken())).statusCode()).isEqualTo(302);
		long published = jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'published'")
			.query(Long.class)
			.single();
		long until = System.currentTimeMillis() + 20_000;
		Document status;
		do {
			sleep(200);
			status = admin.page("/admin/search").html();
		}
		while ("true".equals(status.selectFirst("[data-testid=search-admin]").attr("data-running"))
				&& System.currentTimeMillis() < until);
		assertThat(status.selectFirst("[data-testid=search-admin]").attr("data-running")).isEqualTo("false");
		assertThat(status.select("[data-testid=search-documents]").text()).contains(Long.toString(published));
		assertThat(admin.get("/admin/search/progress.json").body()).contains("\"running\":false");
		assertThat(admin.page("/admin/audit").html().select("tr[data-action=settings.search-rebuild]")).isNotEmpty();
		admin.post("/admin/hot/" + first, Map.of("_csrf", admin.csrfToken(), "action", "clear", "reason", "测试结束"));
		admin.post("/admin/hot/" + third, Map.of("_csrf", admin.csrfToken(), "action", "clear", "reason", "测试结束"));
	}

	static long id(String articlePath) {
		return Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
	}

	@Test
	void theFeedSaysWhyEachItemIsShownAndPersonalisationCanBeSwitchedOff() {
		assertThat(location(browser().get("/feed"))).contains("/login");
		Browser admin = admin();
		Browser creator = newCreator(admin, "推荐作者");
		creator.page("/studio/articles/new");
		String firstPath = articlePath(
				creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", "算法透明", "body",
						"推荐系统应当说明推荐理由。", "channel", "tech", "tags", "算法，透明", "original", "yes", "action", "publish")));
		publish(creator, "第二篇", "关于可解释推荐的第二篇文章。");
		String handle = browser().page(firstPath)
			.html()
			.selectFirst("[data-testid=byline] a.byline-creator")
			.attr("href")
			.replace("/creators/", "");

		Browser reader = signUp("feed" + System.nanoTime() + "@inkstone.test", "爱读书");
		reader.page("/creators/" + handle);
		reader.post("/creators/" + handle + "/follow", Map.of("_csrf", reader.csrfToken()));
		reader.page(firstPath); // a counted read records the channel and the tags as
								// interests
		Document feed = reader.page("/feed").html();
		assertThat(feed.selectFirst("[data-testid=feed]").attr("data-personalised")).isEqualTo("true");
		assertThat(feed.select("[data-testid=feed-items] li[data-reason=feed.why.following] [data-testid=why]").text())
			.contains("因为你关注了推荐作者");
		assertThat(feed.select("[data-testid=feed-items] li"))
			.allMatch(li -> !li.select("[data-testid=why]").text().isBlank());
		Document settings = reader.page("/feed/settings").html();
		assertThat(settings.select("[data-testid=interests] li").eachAttr("data-tag")).contains("科技", "算法", "透明");
		assertThat(reader.post("/feed/interests/delete", Map.of("_csrf", reader.csrfToken(), "tag", "算法")).statusCode())
			.isEqualTo(302);
		assertThat(reader.page("/feed/settings").html().select("[data-testid=interests] li").eachAttr("data-tag"))
			.doesNotContain("算法");
		assertThat(
				reader.post("/feed/interests/delete", Map.of("_csrf", reader.csrfToken(), "tag", "不存在")).statusCode())
			.isEqualTo(404);
		assertThat(reader.post("/feed/settings/personalisation", Map.of("_csrf", reader.csrfToken(), "on", "maybe"))
			.statusCode()).isEqualTo(400);
		assertThat(reader.page("/feed").html().selectFirst("[data-testid=feed]").attr("data-personalised"))
			.isEqualTo("true");

		// switched off: no personal signal is used or recorded
		assertThat(reader.post("/feed/settings/personalisation", Map.of("_csrf", reader.csrfToken(), "on", "false"))
			.statusCode()).isEqualTo(302);
		Document off = reader.page("/feed").html();
		assertThat(off.selectFirst("[data-testid=feed]").attr("data-personalised")).isEqualTo("false");
		assertThat(off.select("[data-testid=feed-items] li").eachAttr("data-reason")).isNotEmpty()
			.allMatch(r -> r.equals("feed.why.hot") || r.equals("feed.why.newest"));
		assertThat(reader.page("/feed/settings").html().select("[data-testid=no-interests]")).hasSize(1);
		reader.page(articlePath(creator.post("/studio/articles", Map.of("_csrf", creator.csrfToken(), "title", "第三篇",
				"body", "关闭后阅读不再记录兴趣。", "channel", "travel", "original", "yes", "action", "publish"))));
		assertThat(reader.page("/feed/settings").html().select("[data-testid=no-interests]")).hasSize(1);
		assertThat(browser().page("/algorithms").html().select("[data-testid=algo-feed]").text()).contains("关闭个性化推荐");
	}

	@Test
	void signUpAndSignInRefuseBadInputWithClearMessages() {
		Browser b = browser();
		b.page("/signup");
		HttpResponse<String> bad = b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", "not-an-email", "password", "short", "displayName", ""));
		assertThat(bad.statusCode()).isEqualTo(400);
		Document html = Jsoup.parse(bad.body());
		assertThat(html.select("[data-field=email]").text()).contains("邮箱");
		assertThat(html.select("[data-field=password]").text()).contains("8");
		assertThat(html.select("[data-field=displayName]").text()).contains("昵称");
		// unique per run: the SQLite and PostgreSQL classes share one SMTP server in this
		// JVM
		String dupEmail = "dup-" + System.nanoTime() + "@inkstone.test";
		signUp(dupEmail, "甲");
		Browser again = browser();
		again.page("/signup");
		HttpResponse<String> dup = again.post("/signup", Map.of("_csrf", again.csrfToken(), "email",
				dupEmail.toUpperCase(Locale.ROOT), "password", "correct-horse-1", "displayName", "乙"));
		// a registered address gets the answer a fresh one gets (no account enumeration);
		// its owner is told by mail
		assertThat(dup.statusCode()).isEqualTo(302);
		assertThat(location(dup)).endsWith("/signup?sent");
		assertThat(mailTo(dupEmail, "有人尝试用你的邮箱注册")).contains("/password/forgot");
		Browser wrong = browser();
		wrong.page("/login");
		HttpResponse<String> failed = wrong.post("/login",
				Map.of("_csrf", wrong.csrfToken(), "email", dupEmail, "password", "wrong-password"));
		assertThat(location(failed)).contains("/login?error");
		assertThat(wrong.page("/login?error").html().select("[data-testid=login-error]")).hasSize(1);
		assertThat(jdbc.sql("SELECT password_hash FROM accounts WHERE email = :e")
			.param("e", dupEmail)
			.query(String.class)
			.single()).startsWith("$2");
		assertThat(browser().get("/setup").statusCode()).isEqualTo(404); // the admin
																			// exists

		// guessing one account's password is throttled: 10 attempts per 10 minutes, then
		// 429 with the wait
		String victim = "victim-" + System.nanoTime() + "@inkstone.test";
		for (int i = 0; i < 10; i++) {
			Browser guess = browser();
			guess.page("/login");
			assertThat(
					guess.post("/login", Map.of("_csrf", guess.csrfToken(), "email", victim, "password", "guess" + i))
						.statusCode())
				.isEqualTo(302);
		}
		Browser guess = browser();
		guess.page("/login");
		HttpResponse<String> throttled = guess.post("/login",
				Map.of("_csrf", guess.csrfToken(), "email", victim, "password", "guess-11"));
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
		assertThat(Jsoup.parse(throttled.body()).select("main").text()).contains("秒后再试");
	}

	/**
	 * A fresh approved creator, signed in, with one published article; returns [browser,
	 * article path].
	 */
	Object[] creatorWithArticle() {
		String email = "c-" + System.nanoTime() + "@inkstone.test";
		Browser applicant = signUp(email, "作者");
		verifyEmail(applicant, email);
		String handle = "author" + (System.nanoTime() % 1000000);
		assertThat(applicant.post("/join", application(applicant, "作者" + handle, handle)).statusCode()).isEqualTo(302);
		approveAll();
		Browser creator = signIn(email, "correct-horse-1");
		creator.page("/studio/articles/new");
		Map<String, String> draft = new HashMap<>(Map.of("_csrf", creator.csrfToken(), "title", "可评论的文章", "body", "正文",
				"channel", "tech", "tags", "", "aigc", "none", "source", "", "original", "yes", "action", "publish"));
		HttpResponse<String> published = creator.post("/studio/articles", draft);
		return new Object[] { creator, articlePath(published) };
	}

	@Test
	void readersCommentReplyAndLikeAndTheCreatorModerates() {
		Object[] setup = creatorWithArticle();
		Browser creator = (Browser) setup[0];
		String path = (String) setup[1];
		Browser anonymous = browser();
		anonymous.page(path);
		assertThat(location(anonymous.post(path + "/comments", Map.of("_csrf", anonymous.csrfToken(), "text", "匿名"))))
			.endsWith("/login");

		Browser reader = signUp("r-" + System.nanoTime() + "@inkstone.test", "读者");
		reader.page(path);
		assertThat(reader
			.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "<script>alert(1)</script>好诗"))
			.statusCode()).isEqualTo(302);
		Browser.Page page = reader.page(path);
		assertThat(page.testId("comment-count").text()).isEqualTo("1");
		assertThat(page.testId("comments").select("script")).isEmpty();
		assertThat(page.testId("comments").select(".comment-body").text()).contains("<script>alert(1)</script>好诗");
		String commentId = page.testId("comments").selectFirst("li.comment").attr("data-comment");
		assertThat(
				reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "回复", "parent", commentId))
					.statusCode())
			.isEqualTo(302);
		page = reader.page(path);
		String replyId = page.testId("comments").selectFirst(".comment-replies li.comment").attr("data-comment");
		assertThat(
				reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "再回复", "parent", replyId))
					.statusCode())
			.isEqualTo(400); // one level only
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "   ")).statusCode())
			.isEqualTo(400);
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "长".repeat(1001)))
			.statusCode()).isEqualTo(400);
		assertThat(reader.post("/articles/1/comments", Map.of("_csrf", reader.csrfToken(), "text", "无处")).statusCode())
			.isEqualTo(404);
		assertThat(reader.post("/comments/1/like", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(404);

		reader.post("/comments/" + commentId + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("comments").selectFirst("[data-testid=comment-like]").text()).endsWith("1");
		reader.post("/comments/" + commentId + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("comments").selectFirst("[data-testid=comment-like]").text()).endsWith("0");

		reader.post(path + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("like-count").text()).isEqualTo("1");

		// only the article's creator moderates
		assertThat(reader.post("/comments/" + commentId + "/hide", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isEqualTo(403);
		creator.page(path);
		assertThat(creator.post("/comments/" + commentId + "/hide", Map.of("_csrf", creator.csrfToken())).statusCode())
			.isEqualTo(302);
		assertThat(reader.page(path).testId("comments").select("li[data-comment=" + commentId + "]")).isEmpty();
		assertThat(creator.page(path).testId("comments").select("li[data-comment=" + commentId + "][data-hidden=true]"))
			.hasSize(1);
		assertThat(creator.post(path + "/comments/settings", Map.of("_csrf", creator.csrfToken(), "enabled", "false"))
			.statusCode()).isEqualTo(302);
		assertThat(reader.page(path).html().select("[data-testid=comments-off]")).hasSize(1);
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "还能评论吗")).statusCode())
			.isEqualTo(400);
		creator.post(path + "/comments/settings", Map.of("_csrf", creator.csrfToken(), "enabled", "true"));

		// the creator's dashboard shows the true numbers, and exports them
		Browser.Page dashboard = creator.page("/studio");
		assertThat(dashboard.testId("studio-totals").text()).contains("评论 1").contains("点赞 1"); // the
																								// hidden
																								// comment
																								// does
																								// not
																								// count
		HttpResponse<String> csv = creator.get("/studio/stats.csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(csv.body()).contains("\"可评论的文章\",published").contains(",1,1\n");
		assertThat(reader.get("/studio/stats.csv").statusCode()).isEqualTo(403);

		// 注销: wrong password changes nothing; the right one deletes the account,
		// anonymises the comments
		String readerEmail = jdbc
			.sql("SELECT email FROM accounts WHERE display_name = '读者' ORDER BY created_at DESC LIMIT 1")
			.query(String.class)
			.single();
		reader.page("/account");
		assertThat(location(reader.post("/account/delete", Map.of("_csrf", reader.csrfToken(), "password", "nope"))))
			.contains("/account?error");
		assertThat(reader.post("/account/delete", Map.of("_csrf", reader.csrfToken(), "password", "correct-horse-1"))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email = :e")
			.param("e", readerEmail)
			.query(Long.class)
			.single()).isZero();
		Browser.Page afterDeletion = creator.page(path); // the creator also sees the
															// hidden comment
		assertThat(afterDeletion.testId("comments").select(".comment-meta strong").eachText()).contains("已注销用户")
			.doesNotContain("读者");
		assertThat(afterDeletion.testId("like-count").text()).isEqualTo("0");
		Browser gone = browser();
		gone.page("/login");
		assertThat(location(gone.post("/login",
				Map.of("_csrf", gone.csrfToken(), "email", readerEmail, "password", "correct-horse-1"))))
			.contains("error");

		// five comments a minute, then 429 with the wait
		Browser chatty = signUp("chatty-" + System.nanoTime() + "@inkstone.test", "话多");
		chatty.page(path);
		for (int i = 0; i < 5; i++) {
			assertThat(chatty.post(path + "/comments", Map.of("_csrf", chatty.csrfToken(), "text", "第" + i + "条"))
				.statusCode()).isEqualTo(302);
		}
		HttpResponse<String> tooFast = chatty.post(path + "/comments",
				Map.of("_csrf", chatty.csrfToken(), "text", "第六条"));
		assertThat(tooFast.statusCode()).isEqualTo(429);
		assertThat(tooFast.headers().firstValue("Retry-After")).isPresent();
	}

	/** What the test classes set as {@code inkstone.public-url}. */
	static final String PUBLIC_URL = "https://news.inkstone.test";

	/**
	 * Behind the documented nginx every request comes from the proxy's address; the
	 * client's address is in X-Forwarded-For. Thirty people each mistyping a password
	 * once must not lock sign-in for everyone else.
	 */
	@Test
	void signInIsThrottledPerClientBehindATrustedProxyNotPerProxy() {
		for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
			Browser typo = browser().header("X-Forwarded-For", "203.0.113." + (i + 1));
			typo.page("/login");
			HttpResponse<String> failed = typo.post("/login", Map.of("_csrf", typo.csrfToken(), "email",
					"typo-" + i + "-" + System.nanoTime() + "@inkstone.test", "password", "wrong-password"));
			assertThat(failed.statusCode()).as("attempt %d", i + 1).isEqualTo(302);
			assertThat(location(failed)).contains("/login?error");
		}
		String email = "proxied-" + System.nanoTime() + "@inkstone.test";
		signUp(email, "代理之后");
		Browser thirtyFirst = browser().header("X-Forwarded-For", "198.51.100.31");
		thirtyFirst.page("/login");
		HttpResponse<String> signedIn = thirtyFirst.post("/login",
				Map.of("_csrf", thirtyFirst.csrfToken(), "email", email, "password", "correct-horse-1"));
		assertThat(signedIn.statusCode()).as("a 31st client is not locked out").isEqualTo(302);
		assertThat(location(signedIn)).doesNotContain("error");
		// the limit still holds for one client: 30 more failures from one forwarded
		// address lock that address
		Browser guesser = browser().header("X-Forwarded-For", "198.51.100.99");
		guesser.page("/login");
		int last = 0;
		for (int i = 0; i <= LoginThrottle.PER_ADDRESS; i++) {
			last = guesser
				.post("/login",
						Map.of("_csrf", guesser.csrfToken(), "email",
								"g" + i + "-" + System.nanoTime() + "@inkstone.test", "password", "wrong"))
				.statusCode();
		}
		assertThat(last).isEqualTo(429);
	}

	/**
	 * TLS ends at the proxy, which says so with X-Forwarded-Proto: https; then every
	 * cookie that matters is {@code Secure}, and every cookie is {@code SameSite=Lax}.
	 */
	@Test
	void cookiesAreSecureBehindATlsProxyAndAlwaysSameSiteLax() {
		String email = "tls-" + System.nanoTime() + "@inkstone.test";
		signUp(email, "加密");
		Browser tls = browser().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.40");
		HttpResponse<String> home = tls.get("/search?q=" + URLEncoder.encode("诗", StandardCharsets.UTF_8));
		assertThat(setCookie(home, "XSRF-TOKEN")).contains("Secure").containsIgnoringCase("SameSite=Lax");
		assertThat(setCookie(home, "ink_rid")).contains("Secure").containsIgnoringCase("SameSite=Lax");
		assertThat(setCookie(tls.get("/mode/care?back=/"), "ink_mode")).contains("Secure")
			.containsIgnoringCase("SameSite=Lax");

		// signing in over "https": the rotated CSRF token, the session and remember-me
		// cookies are all Secure
		Browser signing = browser();
		signing.page("/login"); // over plain http, so this client's cookie jar sends the
								// CSRF cookie back
		signing.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.41");
		HttpResponse<String> signedIn = signing.post("/login",
				Map.of("_csrf", signing.csrfToken(), "email", email, "password", "correct-horse-1", "remember", "on"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(location(signedIn)).doesNotContain("error");
		for (String name : List.of("JSESSIONID", "remember-me", "XSRF-TOKEN")) {
			assertThat(setCookie(signedIn, name)).as(name).contains("Secure").containsIgnoringCase("SameSite=Lax");
		}

		// without the proxy's word, plain http: no Secure flag (the browser would drop
		// the cookie), still Lax
		HttpResponse<String> overHttp = browser().get("/search?q=" + URLEncoder.encode("诗", StandardCharsets.UTF_8));
		assertThat(setCookie(overHttp, "XSRF-TOKEN")).doesNotContain("Secure").containsIgnoringCase("SameSite=Lax");
		assertThat(setCookie(overHttp, "ink_rid")).doesNotContain("Secure");
	}

	static String setCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError(
					"no Set-Cookie " + name + " in " + response.headers().allValues("Set-Cookie")));
	}

	/**
	 * Whoever asks for a reset chooses the Host header (directly, or through
	 * X-Forwarded-Host from a proxy that passes it on); the link mailed to the account
	 * owner must still point to the configured public address.
	 */
	@Test
	void aResetRequestedUnderAForgedHostMailsALinkToTheConfiguredSite() {
		String email = "poisoned-" + System.nanoTime() + "@inkstone.test";
		signUp(email, "被投毒");
		Browser attacker = browser();
		attacker.page("/password/forgot");
		assertThat(attacker.postWithHost("/password/forgot", Map.of("_csrf", attacker.csrfToken(), "email", email),
				"evil.example"))
			.isEqualTo(302);
		Browser viaProxy = browser().header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "http");
		viaProxy.page("/password/forgot");
		assertThat(
				viaProxy.post("/password/forgot", Map.of("_csrf", viaProxy.csrfToken(), "email", email)).statusCode())
			.isEqualTo(302);
		List<String> links = resetLinksTo(email, 2);
		assertThat(links).hasSize(2)
			.allSatisfy(link -> assertThat(link).startsWith(PUBLIC_URL + "/password/reset?token="));
		assertThat(mailTo(email, "/signup/confirm")).contains(PUBLIC_URL + "/signup/confirm?token=")
			.doesNotContain("localhost");
	}

	/**
	 * Waits until {@code count} reset mails reached {@code to}; returns the links they
	 * carry.
	 */
	static List<String> resetLinksTo(String to, int count) {
		Pattern link = Pattern.compile("\\S+/password/reset\\?token=[A-Za-z0-9_=-]+");
		return await("%d reset links to %s".formatted(count, to)).atMost(Duration.ofSeconds(10)).until(() -> {
			List<String> links = new ArrayList<>();
			for (String text : SMTP.textsTo(to)) {
				Matcher matcher = link.matcher(text);
				while (matcher.find()) {
					links.add(matcher.group());
				}
			}
			return links;
		}, links -> links.size() >= count);
	}

	@Test
	void overlongPasswordsAndNulCharactersGetFormMessagesNotErrors() {
		String email = "long-" + System.nanoTime() + "@inkstone.test";
		Browser b = browser();
		b.page("/signup");
		HttpResponse<String> tooLong = b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", email, "password", "密".repeat(25), "displayName", "长密码"));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooLong.body()).select("[data-field=password]").text()).contains("72");
		// 24 Chinese characters are exactly 72 bytes: accepted, and they sign in
		HttpResponse<String> fits = b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", email, "password", "密".repeat(24), "displayName", "长密码"));
		assertThat(fits.statusCode()).as(fits.body()).isEqualTo(302);
		confirmSignUp(browser(), email);
		signIn(email, "密".repeat(24));
		// a longer one at sign-in is just a wrong password
		Browser wrong = browser();
		wrong.page("/login");
		assertThat(location(
				wrong.post("/login", Map.of("_csrf", wrong.csrfToken(), "email", email, "password", "密".repeat(30)))))
			.contains("/login?error");

		String stamp = Long.toString(System.nanoTime());
		Browser nul = browser();
		nul.page("/signup");
		HttpResponse<String> nulEmail = nul.post("/signup", Map.of("_csrf", nul.csrfToken(), "email",
				"nul\u0000" + stamp + "@inkstone.test", "password", "correct-horse-1", "displayName", "零"));
		assertThat(nulEmail.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(nulEmail.body()).select("[data-field=email]").text()).contains("邮箱");
		HttpResponse<String> nulName = nul.post("/signup", Map.of("_csrf", nul.csrfToken(), "email",
				"nul" + stamp + "@inkstone.test", "password", "correct-horse-1", "displayName", "零\u0000一"));
		assertThat(nulName.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(nulName.body()).select("[data-field=displayName]").text()).contains("昵称");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email LIKE :p")
			.param("p", "%" + stamp + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aForgottenPasswordIsResetThroughTheEmailedLinkOnce() throws Exception {
		String email = "forgetful-" + System.nanoTime() + "@inkstone.test";
		signUp(email, "健忘");
		Browser b = browser();
		b.page("/password/forgot");
		assertThat(location(b.post("/password/forgot", Map.of("_csrf", b.csrfToken(), "email", email))))
			.contains("sent");
		// an unknown address gets the same answer and no mail
		assertThat(
				location(b.post("/password/forgot", Map.of("_csrf", b.csrfToken(), "email", "nobody@inkstone.test"))))
			.contains("sent");
		// the reset mail, not the verification mail sent at sign-up: both are delivered
		// after commit, in any order
		String text = mailTo(email, "/password/reset");
		Matcher link = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_=-]+)")
			.matcher(text.replace("=\r\n", "").replace("=3D", "="));
		assertThat(link.find()).as(text).isTrue();
		String token = link.group(1);
		assertThat(b.page("/password/reset?token=" + token).status()).isEqualTo(200);
		assertThat(b.post("/password/reset", Map.of("_csrf", b.csrfToken(), "token", token, "password", "short"))
			.statusCode()).isEqualTo(400);
		// 25 Chinese characters are 75 bytes, more than BCrypt holds: a form message, not
		// a 500
		HttpResponse<String> overlong = b.post("/password/reset",
				Map.of("_csrf", b.csrfToken(), "token", token, "password", "密".repeat(25)));
		assertThat(overlong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(overlong.body()).select("[data-field=password]").text()).contains("72");
		assertThat(location(b.post("/password/reset",
				Map.of("_csrf", b.csrfToken(), "token", token, "password", "brand-new-password"))))
			.contains("/login");
		signIn(email, "brand-new-password");
		// the link works once
		assertThat(b.page("/password/reset?token=" + token).status()).isEqualTo(400);
		assertThat(b
			.post("/password/reset", Map.of("_csrf", b.csrfToken(), "token", token, "password", "another-password-2"))
			.statusCode()).isEqualTo(400);
		assertThat(b.page("/password/reset?token=forged").html().select("[data-testid=reset-invalid]")).hasSize(1);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
