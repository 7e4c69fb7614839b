package io.inkstone.accounts;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.inkstone.engagement.Engagement;
import io.inkstone.shared.PlatformDays;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.MailServer;
import io.inkstone.support.SignedInRoles;
import io.inkstone.support.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static io.inkstone.support.FieldErrorTies.assertTied;
import static io.inkstone.support.FieldErrorTies.assertValid;
import static io.inkstone.support.SignedInRoles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The creator side over HTTP, as a person does it: sign up, apply (申请入驻), get approved by
 * the admin, write with a preview, publish — one journey through the forms — and around
 * it one rule per test: what a stranger must not be able to do, the media library, the
 * studio's actions, comments, rules pages, the hot list, staff and sign-in. Each test
 * makes the people and the data it needs ({@link SignedInRoles}, each person signing in
 * from an address of their own; names made unique), so no test depends on another's order
 * or data. Runs once per database (see the SQLite and PostgreSQL subclasses).
 */
@Import(SignedInRoles.EachFromOwnAddress.class)
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

	@Autowired
	SignedInRoles roles;

	/** An anonymous visitor: a new browser, no cookies yet. */
	Browser browser() {
		return new Browser(port);
	}

	/** A new administrator, signed in. */
	Browser admin() {
		return roles.admin();
	}

	/**
	 * A new creator approved through 申请入驻 (display name starting with {@code name}),
	 * signed in.
	 */
	Browser creator(String name) {
		return roles.creator(name).signIn();
	}

	/** Someone with an account: its id and address, and the browser it signed in with. */
	record Person(long id, String email, Browser browser) {
	}

	/**
	 * A new account with this display name and role, signed in; its address is not
	 * verified yet (as for an account from before sign-up links).
	 */
	Person person(String name, Role role) {
		long id = roles.account(name, role);
		return new Person(id, roles.email(id), roles.signIn(id));
	}

	/** A new account with this display name and role, its address verified, signed in. */
	Person verifiedPerson(String name, Role role) {
		long id = roles.account(name, role);
		roles.verifyEmail(id);
		return new Person(id, roles.email(id), roles.signIn(id));
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

	static long id(String articlePath) {
		return Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
	}

	/**
	 * Signs up through {@code /signup} and the mailed link; answers the signed-in
	 * browser.
	 */
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
	 * Waits (10 s at most) for a mail to {@code to} whose text or subject contains
	 * {@code marker}; returns its decoded text.
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

	/** Signs in through the login form (from an address of its own). */
	Browser signIn(String email, String password) {
		return roles.signIn(email, password);
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

	/** The 申请入驻 application made with this handle. */
	long applicationOf(String handle) {
		return jdbc.sql("SELECT id FROM creator_applications WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single();
	}

	String applicationStatus(long application) {
		return jdbc.sql("SELECT status FROM creator_applications WHERE id = :id")
			.param("id", application)
			.query(String.class)
			.single();
	}

	/** The editor's form for an original article in 科技, with the 发布 button. */
	static Map<String, String> article(String title, String body) {
		Map<String, String> form = new HashMap<>();
		form.put("title", title);
		form.put("body", body);
		form.put("channel", "tech");
		form.put("original", "yes");
		form.put("action", "publish");
		return form;
	}

	/** Opens the editor for a new article and sends this form, CSRF token included. */
	static HttpResponse<String> submit(Browser creator, Map<String, String> form) {
		creator.page("/studio/articles/new");
		Map<String, String> sent = new HashMap<>(form);
		sent.put("_csrf", creator.csrfToken());
		return creator.post("/studio/articles", sent);
	}

	/** Sends the editor's form for an article already written, CSRF token included. */
	static HttpResponse<String> edit(Browser creator, long id, Map<String, String> form) {
		Map<String, String> sent = new HashMap<>(form);
		sent.put("_csrf", creator.csrfToken());
		return creator.post("/studio/articles/" + id, sent);
	}

	/** Publishes this form as a new article; returns its path. */
	static String publish(Browser creator, Map<String, String> form) {
		HttpResponse<String> r = submit(creator, form);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return articlePath(r);
	}

	/** Publishes an article as this creator; returns its path. */
	static String publish(Browser creator, String title, String body) {
		return publish(creator, article(title, body));
	}

	/** A POST with the browser's CSRF token; answers the status. */
	static int post(Browser b, String path, Map<String, String> form) {
		Map<String, String> sent = new HashMap<>(form);
		sent.put("_csrf", b.csrfToken());
		return b.post(path, sent).statusCode();
	}

	/**
	 * The README's journey through the forms a person uses: sign up, apply as an
	 * organisation, wait (the studio says since when), be approved from the queue (told
	 * by mail; the open session works at once), sign in, preview, publish, read the
	 * article, sign out.
	 */
	@Test
	void aReaderAppliesIsApprovedWritesAndPublishes() {
		String email = unique("poet-") + "@inkstone.test";
		String handle = unique("poet");
		Browser reader = signUp(email, "诗人");
		assertThat(reader.page("/").testId("logout").text()).contains("诗人");
		// an organisation adds its unified social credit code (91350100M000100Y43 is the
		// standard's example)
		Map<String, String> company = application(reader, "某某传媒", handle);
		company.put("accountType", "企业");
		company.put("entityName", "某某传媒有限公司");
		company.put("creditCode", "91350100M000100Y43");
		assertThat(reader.post("/join", company).statusCode()).isEqualTo(302);
		assertThat(reader.page("/join").testId("application-history").select("tr[data-status=pending]")).hasSize(1);
		Browser.Page pending = reader.page("/studio");
		assertThat(pending.testId("studio-not-creator").attr("data-state")).isEqualTo("pending");
		assertThat(pending.testId("studio-not-creator").text()).contains("正在审核中")
			.containsPattern("\\d{4}-\\d{2}-\\d{2}");

		Browser admin = admin();
		String approve = admin.page("/admin/applications")
			.html()
			.selectFirst("form[action$=/applications/" + applicationOf(handle) + "/approve]")
			.attr("action");
		assertThat(admin.post(approve, Map.of("_csrf", admin.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(reader.page("/join").testId("application-history").select("tr[data-status=approved]")).hasSize(1);
		mailTo(email, "已通过"); // the applicant is told by e-mail (subject: 你的入驻申请已通过)
		assertThat(reader.page("/studio").html().select("[data-testid=studio-not-creator]")).isEmpty();
		assertThat(reader.get("/studio").statusCode()).as("the approval applies to the open session at once")
			.isEqualTo(200);

		Browser creator = signIn(email, "correct-horse-1");
		assertThat(creator.get("/studio").statusCode()).isEqualTo(200);
		Document editor = creator.page("/studio/articles/new").html();
		Map<String, String> draft = article("秋夜", "秋风起兮白云飞，\n草木黄落兮雁南归。");
		draft.putAll(Map.of("_csrf", creator.csrfToken(), "submissionKey",
				editor.selectFirst("input[name=submissionKey]").val(), "tags", "秋，诗", "aigc", "assisted", "source", "",
				"action", "preview"));
		HttpResponse<String> preview = creator.post("/studio/articles", draft);
		assertThat(Jsoup.parse(preview.body()).select("[data-testid=preview]").text()).contains("秋风起兮白云飞");
		draft.put("action", "publish");
		HttpResponse<String> published = creator.post("/studio/articles", draft);
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(location(published)).contains("?published");
		Browser.Page page = browser().page(articlePath(published));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("title").text()).isEqualTo("秋夜");
		assertThat(page.testId("byline").text()).contains("某某传媒").contains("原创").contains("AI辅助创作");

		// sign-out ends the session
		creator.post("/logout", Map.of("_csrf", creator.csrfToken()));
		assertThat(creator.get("/studio").statusCode()).isEqualTo(302);
	}

	/**
	 * Until they apply, /studio tells a reader how to; the rest of the studio stays
	 * closed.
	 */
	@Test
	void aReaderWhoHasNotAppliedIsPointedToTheApplicationAndTheStudioStaysClosed() {
		Browser reader = roles.reader();
		Browser.Page notYet = reader.page("/studio");
		assertThat(notYet.status()).isEqualTo(200);
		assertThat(notYet.testId("studio-not-creator").attr("data-state")).isEqualTo("none");
		assertThat(notYet.testId("studio-not-creator").select("a[href=/join]")).hasSize(1);
		assertThat(notYet.testId("studio-not-creator").text()).contains("还没有申请入驻");
		assertThat(reader.get("/studio/articles/new").statusCode()).isEqualTo(403);
	}

	/**
	 * Applying needs a verified address: refused until the mailed link is opened (a
	 * forged link verifies nothing); the account page says so until then.
	 */
	@Test
	void applyingNeedsAVerifiedEmailAddress() {
		Person reader = person("读者", Role.READER);
		Browser b = reader.browser();
		String handle = unique("unverified");
		assertThat(b.post("/account/verify", Map.of("_csrf", b.csrfToken())).statusCode()).isEqualTo(302);
		HttpResponse<String> unverified = b.post("/join", application(b, "某某传媒", handle));
		assertThat(unverified.statusCode()).isEqualTo(400);
		assertThat(unverified.body()).contains("请先验证邮箱");
		assertThat(b.page("/account").html().select("[data-testid=unverified]")).hasSize(1);
		assertThat(b.get("/account/verify?token=forged").statusCode()).isEqualTo(400);
		verifyEmail(b, reader.email());
		assertThat(b.page("/account").html().select("[data-testid=unverified]")).isEmpty();
		assertThat(b.post("/join", application(b, "某某传媒", handle)).statusCode()).isEqualTo(302);
	}

	/**
	 * An organisation's unified social credit code is checksum-validated: a wrong one is
	 * a clear field error and nothing is stored; the right one passes.
	 */
	@Test
	void anOrganisationWithAWrongCreditCodeIsRefusedAndNothingIsStored() {
		Browser reader = verifiedPerson("读者", Role.READER).browser();
		String handle = unique("org");
		Map<String, String> company = application(reader, "某某科技", handle);
		company.put("accountType", "企业");
		company.put("entityName", "某某传媒有限公司");
		company.put("creditCode", "91350100M000100Y44");
		HttpResponse<String> refused = reader.post("/join", company);
		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.select("[data-field=creditCode]").text()).contains("统一社会信用代码无效");
		// the error is the field's description, and what was typed comes back
		Element code = form.selectFirst("input[name=creditCode]");
		assertThat(code.attr("aria-invalid")).isEqualTo("true");
		assertThat(form.getElementById(code.attr("aria-describedby")).attr("data-field")).isEqualTo("creditCode");
		assertThat(form.selectFirst("input[name=entityName]").attr("value")).isEqualTo("某某传媒有限公司");
		assertThat(form.selectFirst("input[name=entityName]").hasAttr("aria-invalid")).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single()).isZero();
		company.put("creditCode", "91350100M000100Y43");
		company.put("_csrf", reader.csrfToken());
		assertThat(reader.post("/join", company).statusCode()).isEqualTo(302);
	}

	/** A second application while one is pending is refused. */
	/**
	 * The controls components/field cannot draw (the selects and the agreement's
	 * checkbox) name their errors too; the account types are offered in their order.
	 */
	@Test
	void aWrongTypeChannelOrAMissingAgreementIsTiedToItsControl() {
		Browser reader = verifiedPerson("读者", Role.READER).browser();
		assertThat(reader.page("/join")
			.html()
			.select("[data-testid=join-form] select[name=accountType] option")
			.eachAttr("value")).containsExactlyElementsOf(CreatorApplications.ACCOUNT_TYPES);
		// the stored codes stay Chinese; an English reader reads English labels
		assertThat(reader.page("/join?lang=en")
			.html()
			.select("[data-testid=join-form] select[name=accountType] option")
			.eachText()).containsExactly("Individual", "Media", "Institution", "Company");
		String handle = unique("ties");
		Map<String, String> form = application(reader, "某某科技", handle);
		form.put("accountType", "个体户");
		form.put("channel", "no-such-channel");
		form.remove("agreement");
		HttpResponse<String> refused = reader.post("/join", form);
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertTied(page, "[data-testid=join-form] select[name=accountType]", "accountType");
		assertTied(page, "[data-testid=join-form] select[name=channel]", "channel");
		assertTied(page, "[data-testid=join-form] input[name=agreement]", "agreement");
		assertValid(page, "[data-testid=join-form] input[name=handle]");
		assertThat(page.selectFirst("[data-testid=join-form] input[name=handle]").val()).isEqualTo(handle);
		// a value that is no yes or no does not bind: a field error, not a 500
		form.put("agreement", "maybe");
		form.put("_csrf", reader.csrfToken());
		HttpResponse<String> unreadable = reader.post("/join", form);
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertTied(Jsoup.parse(unreadable.body()), "[data-testid=join-form] input[name=agreement]", "agreement");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSecondApplicationWhileOneIsPendingIsRefused() {
		Person reader = verifiedPerson("诗人", Role.READER);
		roles.application(reader.id(), "诗人");
		Browser b = reader.browser();
		assertThat(b.post("/join", application(b, "诗人二号", unique("again"))).statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE account_id = :a")
			.param("a", reader.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** A rejection must give a reason: without one it is refused and decides nothing. */
	@Test
	void aRejectionWithoutAReasonIsRefusedAndDecidesNothing() {
		long application = roles.application(roles.account("申请人", Role.READER), "申请人");
		Browser admin = admin();
		String reject = admin.page("/admin/applications")
			.html()
			.selectFirst("form[action$=/applications/" + application + "/reject]")
			.attr("action");
		HttpResponse<String> noReason = admin.post(reject, Map.of("_csrf", admin.csrfToken(), "reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("驳回须填写理由");
		assertThat(applicationStatus(application)).isEqualTo("pending");
	}

	@Test
	void decidingAnApplicationThatDoesNotExistAnswers404() {
		Browser admin = admin();
		assertThat(admin.post("/admin/applications/12345/approve", Map.of("_csrf", admin.csrfToken())).statusCode())
			.isEqualTo(404);
	}

	/** Anonymous visitors are sent to sign in from the studio and the console. */
	@ParameterizedTest
	@ValueSource(strings = { "/studio", "/studio/media", "/studio/analytics", "/admin/applications",
			"/admin/rules/community" })
	void anonymousVisitorsAreSentToSignIn(String path) {
		HttpResponse<String> response = browser().get(path);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/login");
	}

	/**
	 * Markdown is rendered safely: no script and no javascript: link reaches the preview
	 * or the article page.
	 */
	@Test
	void scriptsAndJavascriptLinksReachNeitherThePreviewNorTheArticle() {
		Browser creator = creator("作者");
		Map<String, String> draft = article("秋夜",
				"秋风起兮白云飞，\n草木黄落兮雁南归。\n\n<script>alert(1)</script>[点我](javascript:alert(2))");
		draft.put("action", "preview");
		Document preview = Jsoup.parse(submit(creator, draft).body());
		assertThat(preview.select("[data-testid=preview]").text()).contains("秋风起兮白云飞");
		assertThat(preview.select("[data-testid=preview] script, [data-testid=preview] a[href^=javascript]")).isEmpty();
		draft.put("action", "publish");
		Browser.Page page = browser().page(publish(creator, draft));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("body").select("script, a[href^=javascript]")).isEmpty();
	}

	/**
	 * An article that is not original must name its source; the refused form keeps the
	 * text.
	 */
	@Test
	void anArticleThatIsNotOriginalMustNameItsSource() {
		Browser creator = creator("作者");
		Map<String, String> draft = article("秋夜", "秋风起兮白云飞，\n草木黄落兮雁南归。");
		draft.remove("original");
		draft.put("source", "");
		HttpResponse<String> noSource = submit(creator, draft);
		assertThat(noSource.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noSource.body()).select("[data-field=source]").text()).contains("必须注明来源");
		assertThat(Jsoup.parse(noSource.body()).select("textarea[name=body]").text()).contains("秋风起兮");
	}

	/**
	 * The implicit AI label: an AI-assisted article's page metadata and JSON-LD carry the
	 * generation attribute, the platform and the content id.
	 */
	@Test
	void anAiAssistedArticleCarriesTheImplicitLabelInItsMetadata() {
		Browser creator = creator("作者");
		Map<String, String> draft = article("秋夜", "天街小雨润如酥。");
		draft.put("aigc", "assisted");
		String path = publish(creator, draft);
		Browser.Page page = browser().page(path);
		assertThat(page.testId("byline").text()).contains("原创").contains("AI辅助创作");
		assertThat(page.html().select("meta[name=AIGC]").attr("content")).isEqualTo("assisted");
		JsonNode ld = new ObjectMapper().readTree(page.testId("json-ld").data());
		assertThat(ld.get("AIGC").get("Label").asString()).isEqualTo("2");
		assertThat(ld.get("AIGC").get("LabelText").asString()).isEqualTo("AI辅助创作");
		assertThat(ld.get("AIGC").get("ProduceID").asString()).isEqualTo(Long.toString(id(path)));
		assertThat(ld.get("AIGC").get("ContentProducer").asString()).isEqualTo("砚 Inkstone");
		// the label's text is the one the page shows, in the reader's language
		Browser.Page english = browser().page(path + "?lang=en");
		assertThat(english.testId("byline").text()).contains("AI-assisted");
		assertThat(
				new ObjectMapper().readTree(english.testId("json-ld").data()).get("AIGC").get("LabelText").asString())
			.isEqualTo("AI-assisted");
	}

	/**
	 * A creator without a tagline is introduced by the kind of account: the stored code's
	 * label, in the reader's language.
	 */
	@Test
	void aCreatorWithoutATaglineIsIntroducedByItsAccountTypeInTheReadersLanguage() {
		String path = "/creators/" + roles.handle(roles.creator("作者").creatorId());
		assertThat(browser().page(path).testId("creator-intro").text()).isEqualTo("个人");
		assertThat(browser().page(path + "?lang=en").testId("creator-intro").text()).isEqualTo("Individual");
	}

	/** Someone else can neither open nor change a creator's article in the studio. */
	@Test
	void aStrangerCanNeitherSeeNorChangeSomeoneElsesArticle() {
		Browser creator = creator("作者");
		String path = publish(creator, "秋夜", "落霞与孤鹜齐飞。");
		long id = id(path);
		Browser other = roles.reader();
		assertThat(other.get("/studio/articles/" + id).statusCode()).isEqualTo(403);
		assertThat(other.post("/studio/articles/" + id, Map.of("_csrf", other.csrfToken(), "action", "unpublish"))
			.statusCode()).isEqualTo(403);
		assertThat(browser().page(path).status()).isEqualTo(200);
		assertThat(creator.get("/admin/applications").statusCode()).isEqualTo(403);
	}

	/** Unpublishing takes the article off the site; the studio keeps it as a draft. */
	@Test
	void unpublishingTakesTheArticleOffTheSiteAndKeepsItAsADraft() {
		Browser creator = creator("作者");
		String path = publish(creator, "秋夜", "白日依山尽。");
		long id = id(path);
		creator.page("/studio/articles/" + id);
		assertThat(creator.post("/studio/articles/" + id, Map.of("_csrf", creator.csrfToken(), "action", "unpublish"))
			.statusCode()).isEqualTo(302);
		assertThat(browser().page(path).status()).isEqualTo(404);
		assertThat(creator.page("/studio").testId("studio-articles").select("tr[data-status=draft]")).hasSize(1);
	}

	/**
	 * Deleting (soft) asks first; then the article is gone from the site (410) and the
	 * studio, and an administrator restores it.
	 */
	@Test
	void aDeletedArticleIsGoneUntilAnAdministratorRestoresIt() {
		Browser creator = creator("作者");
		String path = publish(creator, "秋夜", "黄河入海流。");
		long id = id(path);
		creator.page("/studio/articles/" + id);
		assertThat(location(
				creator.post("/studio/articles/" + id, Map.of("_csrf", creator.csrfToken(), "action", "delete"))))
			.as("the delete button asks first")
			.endsWith("/studio/articles/" + id + "/delete");
		assertThat(browser().page(path).status()).as("nothing deleted before the confirmation").isEqualTo(200);
		assertThat(creator.page("/studio/articles/" + id + "/delete").testId("delete-confirm").text()).contains("秋夜");
		assertThat(
				creator.post("/studio/articles/" + id + "/delete", Map.of("_csrf", creator.csrfToken())).statusCode())
			.isEqualTo(302);
		assertThat(browser().page(path).status()).isEqualTo(410);
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
	}

	@Test
	void anArticleCannotBeScheduledForThePast() {
		Map<String, String> later = article("定时之作", "明月几时有？把酒问青天。");
		later.put("action", "schedule");
		later.put("publishAt", "2020-01-01T08:00");
		assertThat(submit(creator("作者"), later).statusCode()).isEqualTo(400);
	}

	/**
	 * A scheduled article stays out of sight until it is due; then the publisher (every
	 * 10 s) releases it.
	 */
	@Test
	void aScheduledArticleIsPublishedWhenItIsDue() {
		SignedInRoles.Creator writer = roles.creator("作者");
		Browser creator = writer.signIn();
		Map<String, String> later = article("定时之作", "明月几时有？把酒问青天。\n不知天上宫阙，今夕是何年。");
		later.put("action", "schedule");
		later.put("publishAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2).withSecond(0).withNano(0).toString());
		assertThat(submit(creator, later).statusCode()).isEqualTo(302);
		assertThat(creator.page("/studio").testId("studio-articles").select("[data-testid=scheduled]")).hasSize(1);
		long id = jdbc.sql("SELECT id FROM articles WHERE creator_id = :c AND title = '定时之作'")
			.param("c", writer.creatorId())
			.query(Long.class)
			.single();
		assertThat(browser().page("/articles/" + id).status()).isEqualTo(404);
		// time passes (the schedule is moved into the past)
		jdbc.sql("UPDATE articles SET publish_at = :t WHERE id = :id")
			.param("t", System.currentTimeMillis() - 1000)
			.param("id", id)
			.update();
		await().atMost(Duration.ofSeconds(40)).until(() -> browser().page("/articles/" + id).status() == 200);
	}

	HttpResponse<String> upload(Browser b, String alt, String name, String type, byte[] file, String accept) {
		return b.postMultipart("/studio/media", Map.of("_csrf", b.csrfToken(), "alt", alt), "file", name, type, file,
				accept);
	}

	/**
	 * A creator's image: its id, its Markdown, its full-size address, the library page.
	 */
	record Image(long id, String markdown, String url, Document library) {
	}

	/**
	 * Uploads a phone photo (GPS in its EXIF) through the library's form, declared
	 * AI-generated when {@code ai}; answers the library page that shows it.
	 */
	Image uploadPhoto(Browser creator, String alt, boolean ai) {
		Map<String, String> fields = new HashMap<>(Map.of("_csrf", creator.csrfToken(), "alt", alt));
		if (ai) {
			fields.put("ai", "yes");
		}
		HttpResponse<String> uploaded = creator.postMultipart("/studio/media", fields, "file",
				ai ? "ai.jpg" : "IMG_0001.JPG", "image/jpeg",
				ai ? TestImages.jpegWithGps(700, 500, 1) : TestImages.jpegWithGps(1200, 800, 1), "text/html");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String library = location(uploaded).replaceFirst("^https?://[^/]+", "");
		Document page = creator.page(library).html();
		String markdown = page.selectFirst("[data-testid=media-markdown]").val();
		return new Image(Long.parseLong(library.replaceAll(".*[?&]uploaded=(\\d+).*", "$1")), markdown,
				markdown.substring(markdown.indexOf("(/") + 1, markdown.length() - 1), page);
	}

	long mediaOf(long creatorId) {
		return jdbc.sql("SELECT COUNT(*) FROM media WHERE creator_id = :c")
			.param("c", creatorId)
			.query(Long.class)
			.single();
	}

	/**
	 * A phone photo is stored without its GPS position, upright, in responsive sizes, and
	 * served immutable to anyone; the library's form is multipart.
	 */
	@Test
	void anUploadedPhotoLosesItsLocationAndIsServedInResponsiveSizes() throws Exception {
		SignedInRoles.Creator photographer = roles.creator("摄影师甲");
		Browser a = photographer.signIn();
		assertThat(a.page("/studio/media").html().selectFirst("form[data-testid=media-upload]").attr("enctype"))
			.isEqualTo("multipart/form-data");
		Image photo = uploadPhoto(a, "西湖秋色", false);
		assertThat(photo.markdown()).startsWith("![西湖秋色](/media/").endsWith("/full.jpg)");
		HttpResponse<byte[]> image = browser().getBytes(photo.url());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(image.body()))
			.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(browser().getBytes(photo.url().replace("/full.jpg", "/480.jpg")).statusCode()).isEqualTo(200);
		assertThat(browser().getBytes(photo.url().replace("/full.jpg", "/../../x")).statusCode()).isIn(400, 404);
		assertThat(mediaOf(photographer.creatorId())).isEqualTo(1);
	}

	/**
	 * Bad uploads get a clear status and a page a person understands, and store nothing.
	 */
	@Test
	void badUploadsAreRefusedClearlyAndStoreNothing() {
		SignedInRoles.Creator photographer = roles.creator("摄影师甲");
		Browser a = photographer.signIn();
		byte[] png = TestImages.encode(TestImages.picture(64, 64), "png");
		HttpResponse<String> noAlt = upload(a, " ", "a.png", "image/png", png, "text/html");
		assertThat(noAlt.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noAlt.body()).select("[data-field=alt]").text()).contains("图片说明");
		FieldErrorTies.assertTiedTo(Jsoup.parse(noAlt.body()), "input[name=alt]", "field-error-alt");
		FieldErrorTies.assertValid(Jsoup.parse(noAlt.body()), "input[name=file]");
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
		// refused by the container's multipart limit before any code of ours: the limit
		// is named all the same
		assertThat(Jsoup.parse(tooBig.body()).select("[data-testid=error] p").text()).contains("文件过大：上限 11 MB");
		assertThat(mediaOf(photographer.creatorId())).isZero();
	}

	@Test
	void theEditorsScriptUploadIsAnsweredWithJson() {
		byte[] png = TestImages.encode(TestImages.picture(64, 64), "png");
		HttpResponse<String> json = upload(creator("摄影师甲"), "蓝色圆", "circle.png", "image/png", png, "application/json");
		assertThat(json.statusCode()).isEqualTo(201);
		assertThat(json.body()).contains("\"markdown\":\"![蓝色圆](/media/");
	}

	/**
	 * An image its creator declares AI-generated is served with the implicit label in its
	 * XMP.
	 */
	@Test
	void anImageDeclaredAiGeneratedIsServedWithTheImplicitLabelInItsXmp() throws Exception {
		Image drawn = uploadPhoto(creator("摄影师甲"), "AI 画的山", true);
		var xmp = ImageMetadataReader.readMetadata(new ByteArrayInputStream(browser().getBytes(drawn.url()).body()))
			.getFirstDirectoryOfType(XmpDirectory.class);
		assertThat(xmp.getXmpProperties().values()).anyMatch(v -> v.endsWith("/trainedAlgorithmicMedia"));
		assertThat(drawn.library().select("[data-testid=media-ai]")).isNotEmpty();
	}

	@Test
	void aCreatorNeverSeesOrDeletesAnotherCreatorsImage() {
		Browser a = creator("摄影师甲");
		Browser b = creator("摄影师乙");
		long itemOfA = uploadPhoto(a, "西湖秋色", false).id();
		assertThat(b.page("/studio/media").html().select("[data-media-id=" + itemOfA + "]")).isEmpty();
		assertThat(b.post("/studio/media/" + itemOfA + "/delete", Map.of("_csrf", b.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(b.get("/studio/media?uploaded=" + itemOfA).statusCode()).isEqualTo(404);
		assertThat(a.page("/studio/media").html().select("[data-media-id=" + itemOfA + "]")).hasSize(1);
	}

	/**
	 * An article takes a library image as body picture and cover (a cover not in the
	 * library is refused); lists show the cover in the 单图 layout, a fixed box.
	 */
	@Test
	void anArticleTakesItsCoverFromTheLibraryAndListsShowIt() {
		Browser a = creator("摄影师甲");
		Image photo = uploadPhoto(a, "西湖秋色", false);
		Map<String, String> draft = article("湖上", "水光潋滟晴方好。\n\n" + photo.markdown() + "\n\n山色空蒙雨亦奇。");
		draft.put("channel", "travel");
		draft.put("summary", "一篇写西湖的短文");
		draft.put("cover", "/media/" + "0".repeat(64) + "/full.jpg");
		HttpResponse<String> badCover = submit(a, draft);
		assertThat(badCover.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badCover.body()).select("[data-field=cover]").text()).contains("图片库");
		assertTied(Jsoup.parse(badCover.body()), "input[name=cover]", "cover");
		draft.put("cover", photo.url());
		String path = publish(a, draft);
		Document page = browser().page(path).html();
		assertThat(page.select("[data-testid=body] img").attr("src")).isEqualTo(photo.url());
		assertThat(page.select("[data-testid=body] img").attr("alt")).isEqualTo("西湖秋色");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("一篇写西湖的短文");
		assertThat(jdbc.sql("SELECT cover_image FROM articles WHERE id = :id")
			.param("id", id(path))
			.query(String.class)
			.single()).isEqualTo(photo.url());
		assertThat(page.select("[data-testid=corrections]")).isEmpty();
		Element card = browser().page("/channels/travel")
			.html()
			.selectFirst("li.card-with-cover:has(a.card-title[href=" + path + "])");
		assertThat(card).as("the channel page shows the article's card with its cover").isNotNull();
		assertThat(card.selectFirst("img[data-testid=card-cover]").attr("src")).isEqualTo(photo.url());
		assertThat(card.selectFirst("img[data-testid=card-cover]").attr("width")).isNotBlank();
	}

	/**
	 * An edit after publication carries a public correction note; the studio keeps each
	 * version and shows the change side by side, to the creator only.
	 */
	@Test
	void anEditAfterPublicationShowsItsCorrectionAndKeepsItsHistory() {
		Browser a = creator("摄影师甲");
		Map<String, String> draft = article("湖上", "水光潋滟晴方好。\n\n山色空蒙雨亦奇。");
		String path = publish(a, draft);
		long id = id(path);
		assertThat(a.page("/studio/articles/" + id).html().select("[data-testid=correction]")).hasSize(1);
		draft.put("body", draft.get("body").replace("晴方好", "晴偏好"));
		draft.put("correction", "更正：第一句原文误作“晴偏好”之前的版本。");
		draft.put("action", "save");
		assertThat(edit(a, id, draft).statusCode()).isEqualTo(302);
		Document corrected = browser().page(path).html();
		assertThat(corrected.select("[data-testid=body]").text()).contains("晴偏好");
		assertThat(corrected.select("[data-testid=corrections] li").text()).contains("更正：第一句");
		Document history = a.page("/studio/articles/" + id + "/revisions").html();
		assertThat(history.select("[data-testid=revision-list] li")).hasSize(2);
		String latest = history.select("[data-testid=revision-list] li a").last().attr("href");
		Document diff = a.page(latest).html();
		assertThat(diff.select("[data-testid=diff] tr[data-kind=change] del").text()).contains("方");
		assertThat(diff.select("[data-testid=diff] tr[data-kind=change] ins").text()).contains("偏");
		assertThat(creator("摄影师乙").get("/studio/articles/" + id + "/revisions").statusCode()).isEqualTo(404);
	}

	/**
	 * The red 发布 button on a published article updates it (it used to answer 400 "only
	 * drafts can be scheduled").
	 */
	@Test
	void publishingAPublishedArticleAgainUpdatesIt() {
		Browser a = creator("摄影师甲");
		Map<String, String> draft = article("湖上", "欲把西湖比西子。");
		String path = publish(a, draft);
		long id = id(path);
		draft.put("title", "湖上（修订）");
		draft.put("correction", "更正：标题补上修订字样。");
		HttpResponse<String> republished = edit(a, id, draft);
		assertThat(republished.statusCode()).as(republished.body()).isEqualTo(302);
		assertThat(location(republished)).endsWith("/studio/articles/" + id + "?updated");
		assertThat(browser().page(path).testId("title").text()).endsWith("（修订）");
	}

	/** The avatar goes through the library's image checks; the creator card shows it. */
	@Test
	void theAvatarPassesTheImageChecksAndTheCreatorCardShowsIt() {
		Browser a = creator("摄影师甲");
		String path = publish(a, "湖上", "淡妆浓抹总相宜。");
		HttpResponse<String> avatar = a.postMultipart("/studio/profile",
				Map.of("_csrf", a.csrfToken(), "tagline", "拍湖光山色"), "avatar", "me.jpg", "image/jpeg",
				TestImages.jpegWithGps(900, 900, 1), "text/html");
		assertThat(avatar.statusCode()).isEqualTo(302);
		Document creatorCard = browser().page(path).html();
		assertThat(creatorCard.select("[data-testid=creator-card] img.avatar").attr("src"))
			.matches("/media/[0-9a-f]{64}/480\\.jpg");
		assertThat(creatorCard.select("[data-testid=creator-card] .creator-tagline").text()).isEqualTo("拍湖光山色");
		HttpResponse<String> badAvatar = a.postMultipart("/studio/profile",
				Map.of("_csrf", a.csrfToken(), "tagline", "x"), "avatar", "me.jpg", "image/jpeg",
				"not an image".getBytes(StandardCharsets.UTF_8), "text/html");
		assertThat(badAvatar.statusCode()).isEqualTo(415);
		HttpResponse<String> longTagline = a.postMultipart("/studio/profile",
				Map.of("_csrf", a.csrfToken(), "tagline", "长".repeat(61)), "avatar", "", "application/octet-stream",
				new byte[0], "text/html");
		assertThat(longTagline.statusCode()).isEqualTo(400);
		// the refusal sits at the tagline, which names it and keeps what was typed
		Document longTaglinePage = Jsoup.parse(longTagline.body());
		assertTied(longTaglinePage, "[data-testid=profile-form] input[name=tagline]", "tagline");
		assertThat(longTaglinePage.select("input[name=tagline]").val()).isEqualTo("长".repeat(61));
		assertValid(longTaglinePage, "input[name=avatar]");
		assertThat(longTaglinePage.select("[data-testid=profile-error]").text()).isNotBlank();
	}

	/**
	 * The studio's charts show what the database holds: two readers read, another creator
	 * follows.
	 */
	@Test
	void theAnalyticsShowTheReadsAndFollowersTheDatabaseHolds() {
		SignedInRoles.Creator photographer = roles.creator("摄影师甲");
		Browser a = photographer.signIn();
		long articleId = id(publish(a, "湖上", "接天莲叶无穷碧。"));
		browser().view(articleId); // the read beacon each page sends
		browser().view(articleId);
		Browser b = creator("摄影师乙");
		b.page("/creators/" + photographer.handle());
		assertThat(
				b.post("/creators/" + photographer.handle() + "/follow", Map.of("_csrf", b.csrfToken())).statusCode())
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
	}

	/**
	 * An article declared "no AI" whose image says AI-generated is held; once approved it
	 * is labelled 疑似AI生成, on the page and on the creator's page.
	 */
	@Test
	void anUndeclaredAiImageHoldsTheArticleAndApprovalLabelsItSuspected() {
		SignedInRoles.Creator photographer = roles.creator("摄影师甲");
		Browser a = photographer.signIn();
		Map<String, String> draft = article("山居", "山中一日。\n\n" + uploadPhoto(a, "AI 画的山", true).markdown());
		draft.put("channel", "travel");
		draft.put("aigc", "none");
		HttpResponse<String> undeclared = submit(a, draft);
		assertThat(location(undeclared)).contains("?pending");
		long id = Long.parseLong(location(undeclared).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
		Browser admin = admin();
		assertThat(
				admin.page("/admin/review/" + id).html().select("[data-testid=findings] li[data-kind=undeclared-ai]"))
			.hasSize(1);
		assertThat(admin.post("/admin/review/" + id, Map.of("_csrf", admin.csrfToken(), "outcome", "approved"))
			.statusCode()).isEqualTo(302);
		Browser.Page labelled = browser().page("/articles/" + id);
		assertThat(labelled.testId("byline").select("[data-testid=label-ai]").text()).isEqualTo("疑似AI生成");
		assertThat(labelled.html().select("meta[name=AIGC]").attr("content")).isEqualTo("suspected");
		assertThat(labelled.testId("json-ld").data()).contains("\"LabelText\":\"疑似AI生成\"");
		assertThat(
				browser().page("/creators/" + photographer.handle()).html().select("[data-testid=label-ai-suspected]"))
			.isNotEmpty();
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

	/** Appoints this account a reviewer on /admin/staff, with a reason. */
	static void appoint(Browser admin, String email, String reason) {
		assertThat(admin
			.post("/admin/staff/reviewers", Map.of("_csrf", admin.csrfToken(), "email", email, "reason", reason))
			.statusCode()).isEqualTo(302);
	}

	/** Revokes this reviewer's role on /admin/staff, with a reason. */
	static void revoke(Browser admin, long accountId, String reason) {
		assertThat(admin
			.post("/admin/staff/reviewers/" + accountId + "/revoke",
					Map.of("_csrf", admin.csrfToken(), "reason", reason))
			.statusCode()).isEqualTo(302);
	}

	@Test
	void appointingAReviewerNeedsAReasonAndAnExistingAccount() {
		Browser admin = admin();
		String email = roles.email(roles.account("审核员小王", Role.READER));
		HttpResponse<String> noReason = admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", email, "reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noReason.body()).select("[data-testid=staff-error]").text()).contains("理由");
		HttpResponse<String> unknown = admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", "nobody@inkstone.test", "reason", "试用"));
		assertThat(unknown.statusCode()).isEqualTo(400);
	}

	/**
	 * An appointed reviewer's open session gets the role on its next request and loses it
	 * when it is revoked; the staff pages stay the administrators'.
	 */
	@Test
	void anAppointedReviewerGetsTheConsoleAtOnceButNotTheAdministratorsPages() {
		Browser admin = admin();
		Person candidate = person("审核员小王", Role.READER);
		Browser b = candidate.browser();
		assertThat(b.get("/admin").statusCode()).isEqualTo(403);
		appoint(admin, candidate.email(), "内容审核轮值");
		assertThat(admin.page("/admin/staff").html().select("[data-testid=staff-list] tr[data-role=REVIEWER]").text())
			.contains(candidate.email());
		assertThat(b.get("/admin").statusCode()).isEqualTo(200);
		assertThat(b.get("/admin/staff").statusCode()).isEqualTo(403);
		Browser.Page reviewerStudio = b.page("/studio");
		assertThat(reviewerStudio.status()).isEqualTo(200);
		assertThat(reviewerStudio.testId("studio-not-creator").attr("data-state")).isEqualTo("staff");
		assertThat(reviewerStudio.testId("studio-not-creator").select("a[href=/admin]")).hasSize(1);
		assertThat(b.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(b
			.post("/admin/staff/reviewers", Map.of("_csrf", b.csrfToken(), "email", candidate.email(), "reason", "x"))
			.statusCode()).isEqualTo(403);
		revoke(admin, candidate.id(), "轮值结束");
		assertThat(b.get("/admin").statusCode()).isEqualTo(403);
	}

	/**
	 * Every staff decision is in the audit log with its reason, beside the staff's
	 * sign-ins, and exports as CSV.
	 */
	@Test
	void everyStaffDecisionIsAuditedWithItsReason() {
		Browser admin = admin();
		Person candidate = person("审核员小李", Role.READER);
		String appointed = "内容审核轮值" + unique("-");
		String revoked = "轮值结束" + unique("-");
		appoint(admin, candidate.email(), appointed);
		revoke(admin, candidate.id(), revoked);
		Document audit = admin.page("/admin/audit").html();
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.revoke-reviewer]").text())
			.contains(revoked);
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.appoint-reviewer]").text())
			.contains(appointed);
		assertThat(audit.select("[data-testid=audit-entries] tr[data-action=staff.sign-in]")).isNotEmpty();
		HttpResponse<String> csv = admin.get("/admin/audit.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("staff.appoint-reviewer").contains(appointed);
		assertThat(admin.get("/admin/audit.csv?from=2026-13-01").statusCode()).isEqualTo(400);
	}

	/**
	 * Append-only, whoever asks: the database itself refuses to change or remove an audit
	 * entry.
	 */
	@Test
	void theDatabaseRefusesToChangeOrRemoveAnAuditEntry() {
		admin(); // an administrator's sign-in is an entry
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET reason = 'forged'").update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE reason = 'forged'").query(Long.class).single())
			.isZero();
	}

	/**
	 * Who visits the studio and the console: the columns of
	 * {@link #studioAndConsolePages}.
	 */
	enum Visitor {

		ANONYMOUS, READER, OWNER, OTHER, ADMIN

	}

	/** A creator's draft and image that the access checks aim at, and the creator. */
	record Owned(Browser owner, long ownerAccount, String draftPath, long media) {
	}

	Owned draftAndImage() {
		SignedInRoles.Creator creator = roles.creator("权限甲");
		Browser owner = creator.signIn();
		Map<String, String> draft = article("权限草稿", "只有作者能看。");
		draft.put("action", "save");
		String draftPath = location(submit(owner, draft)).replaceFirst("^https?://[^/]+", "").replace("?saved", "");
		byte[] png = TestImages.encode(TestImages.picture(32, 32), "png");
		upload(owner, "权限图", "p.png", "image/png", png, "text/html");
		long media = jdbc.sql("SELECT id FROM media WHERE creator_id = :c")
			.param("c", creator.creatorId())
			.query(Long.class)
			.single();
		return new Owned(owner, creator.accountId(), draftPath, media);
	}

	/** The draft and the image are as their creator left them. */
	void assertUnchanged(Owned owned) {
		assertThat(owned.owner().page(owned.draftPath()).html().selectFirst("input[name=title]").val())
			.isEqualTo("权限草稿");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE id = :id")
			.param("id", owned.media())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** One page and the status each visitor gets. */
	record Row(String path, int anonymous, int reader, int owner, int other, int admin) {

		int expected(Visitor visitor) {
			return switch (visitor) {
				case ANONYMOUS -> anonymous;
				case READER -> reader;
				case OWNER -> owner;
				case OTHER -> other;
				case ADMIN -> admin;
			};
		}

	}

	/**
	 * Every studio and console page: /studio explains itself to a signed-in reader and to
	 * staff (not a creator yet / staff), 200 with the reason.
	 */
	static List<Row> studioAndConsolePages(Owned owned) {
		String draftPath = owned.draftPath();
		return List.of(new Row("/studio", 302, 200, 200, 200, 200), new Row("/studio/media", 302, 403, 200, 200, 404),
				new Row("/studio/analytics", 302, 403, 200, 200, 404),
				new Row("/studio/stats.csv", 302, 403, 200, 200, 404),
				new Row("/studio/profile", 302, 403, 200, 200, 404), new Row("/studio/credit", 302, 403, 200, 200, 404),
				new Row("/admin/reports", 302, 403, 403, 403, 200), new Row("/admin/review", 302, 403, 403, 403, 200),
				new Row("/studio/articles/new", 302, 403, 200, 200, 404), new Row(draftPath, 302, 403, 200, 404, 404),
				new Row(draftPath + "/revisions", 302, 403, 200, 404, 404),
				new Row("/studio/media?uploaded=" + owned.media(), 302, 403, 200, 404, 404),
				new Row("/admin", 302, 403, 403, 403, 200), new Row("/admin/applications", 302, 403, 403, 403, 200),
				new Row("/admin/articles/deleted", 302, 403, 403, 403, 200),
				new Row("/admin/staff", 302, 403, 403, 403, 200), new Row("/admin/audit", 302, 403, 403, 403, 200),
				new Row("/admin/audit.csv", 302, 403, 403, 403, 200), new Row("/account", 302, 200, 200, 200, 200),
				new Row("/admin/users", 302, 403, 403, 403, 200), new Row("/admin/settings", 302, 403, 403, 403, 200),
				new Row("/admin/settings/statements", 302, 403, 403, 403, 200),
				new Row("/admin/users/" + owned.ownerAccount(), 302, 403, 403, 403, 200),
				new Row("/account/two-factor", 302, 200, 200, 200, 200));
	}

	/** Who may see what: every studio and console page, for each kind of visitor. */
	@ParameterizedTest
	@EnumSource(Visitor.class)
	void everyStudioAndConsolePageAnswersEachVisitorAsDesigned(Visitor visitor) {
		Owned owned = draftAndImage();
		Browser b = switch (visitor) {
			case ANONYMOUS -> browser();
			case READER -> roles.reader();
			case OWNER -> owned.owner();
			case OTHER -> creator("权限乙");
			case ADMIN -> admin();
		};
		b.page("/");
		List<String> wrong = new ArrayList<>();
		for (Row row : studioAndConsolePages(owned)) {
			int status = b.get(row.path()).statusCode();
			if (status != row.expected(visitor)) {
				wrong.add(
						"GET " + row.path() + " as " + visitor + ": " + status + ", expected " + row.expected(visitor));
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** Someone else's draft or image answers 404 to every write and stays as it was. */
	@Test
	void someoneElsesDraftAndImageAnswer404AndStayUnchanged() {
		Owned owned = draftAndImage();
		Browser other = creator("权限乙");
		assertThat(post(other, owned.draftPath(),
				Map.of("title", "改掉", "body", "改掉", "channel", "tech", "original", "yes", "action", "save")))
			.as("save someone else's draft")
			.isEqualTo(404);
		assertThat(post(other, owned.draftPath(), Map.of("action", "delete"))).as("delete someone else's draft")
			.isEqualTo(404);
		assertThat(post(other, "/studio/media/" + owned.media() + "/delete", Map.of()))
			.as("delete someone else's image")
			.isEqualTo(404);
		assertUnchanged(owned);
	}

	/**
	 * Writes outside one's role are refused: staff actions refuse non-staff, a reader has
	 * no media, an anonymous write is sent to sign in; nothing changes.
	 */
	@Test
	void writesOutsideTheirRoleAreRefusedAndChangeNothing() {
		Owned owned = draftAndImage();
		Browser reader = roles.reader();
		Browser other = creator("权限乙");
		Browser anonymous = browser();
		anonymous.page("/");
		assertThat(post(reader, "/studio/media/" + owned.media() + "/delete", Map.of())).as("reader deletes an image")
			.isEqualTo(403);
		assertThat(post(owned.owner(), "/admin/applications/1/approve", Map.of())).as("creator approves")
			.isEqualTo(403);
		assertThat(post(reader, "/admin/staff/reviewers", Map.of("email", "x@y.z", "reason", "r")))
			.as("reader appoints a reviewer")
			.isEqualTo(403);
		assertThat(post(other, "/admin/articles/1/restore", Map.of())).as("creator restores an article").isEqualTo(403);
		assertThat(post(anonymous, owned.draftPath(),
				Map.of("title", "t", "body", "b", "channel", "tech", "action", "save")))
			.as("anonymous saves a draft")
			.isEqualTo(302);
		assertUnchanged(owned);
	}

	/** Without the CSRF token every write is refused with 403, even the owner's. */
	@Test
	void withoutTheCsrfTokenEvenTheOwnersWriteIsRefused() {
		Owned owned = draftAndImage();
		assertThat(owned.owner()
			.post(owned.draftPath(), Map.of("title", "x", "body", "x", "channel", "tech", "action", "save"))
			.statusCode()).isEqualTo(403);
		assertUnchanged(owned);
	}

	/**
	 * Reviewers decide reports, reviews and applications; restoring deleted articles, the
	 * hot list, staff, audit, users and settings are the administrators' (README).
	 */
	@Test
	void reviewersWorkTheQueuesButNotTheAdministratorsPages() {
		Browser reviewer = roles.reviewer();
		List<String> wrong = new ArrayList<>();
		for (String path : List.of("/admin/reports", "/admin/review", "/admin/applications")) {
			int status = reviewer.get(path).statusCode();
			if (status != 200) {
				wrong.add("GET " + path + " as reviewer: " + status + ", expected 200");
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
			int status = post(reviewer, path, Map.of("action", "pin", "reason", "r"));
			if (status != 403) {
				wrong.add("POST " + path + " as reviewer: " + status + ", expected 403");
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * A reviewer who applies to write is decided by someone else, never by themselves.
	 */
	@Test
	void aReviewerNeverDecidesTheirOwnApplication() {
		Person reviewer = verifiedPerson("审核员丁", Role.REVIEWER);
		Browser b = reviewer.browser();
		b.page("/join");
		assertThat(b.post("/join", application(b, "审核员丁", unique("matrixrev"))).statusCode()).isEqualTo(302);
		long own = jdbc.sql("SELECT id FROM creator_applications WHERE account_id = :a AND status = 'pending'")
			.param("a", reviewer.id())
			.query(Long.class)
			.single();
		for (String decision : List.of("approve", "reject")) {
			HttpResponse<String> refused = b.post("/admin/applications/" + own + "/" + decision,
					Map.of("_csrf", b.csrfToken(), "reason", "自己批准自己"));
			assertThat(refused.statusCode()).as(decision + " of their own application").isEqualTo(403);
			assertThat(refused.body()).contains("不能审核自己的入驻申请");
		}
		assertThat(applicationStatus(own)).isEqualTo("pending");
	}

	@Test
	void aCreatorStartsAtMostSixtyNewDraftsAnHour() {
		Browser creator = creator("草稿机");
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

	/** The version of a rules page ({@code data-version}). */
	static int version(Document rulesPage) {
		return Integer.parseInt(rulesPage.selectFirst("[data-testid=rules-page]").attr("data-version"));
	}

	@Test
	void theRulesIndexListsThePlatformsThreeRulesPages() {
		Document index = browser().page("/rules").html();
		assertThat(index.select("[data-testid=rules-list] li")).hasSize(3);
		assertThat(index.select("[data-testid=rules-list] a").eachText()).containsExactly("平台公约", "创作者协议", "隐私政策");
	}

	/**
	 * An administrator publishes a new version of a rules page with a note (required);
	 * the old version stays readable, marked superseded; the audit log has it.
	 */
	@Test
	void anAdministratorPublishesANewRulesVersionAndTheOldOneStaysSuperseded() {
		Browser reader = browser();
		Document community = reader.page("/rules/community").html();
		int before = version(community);
		assertThat(community.select("[data-testid=rules-body]").text()).contains("谣言");
		Browser admin = admin();
		HttpResponse<String> noNote = admin.post("/admin/rules/community",
				Map.of("_csrf", admin.csrfToken(), "title", "平台公约", "body", "新的条款", "note", ""));
		assertThat(noNote.statusCode()).isEqualTo(400);
		// the refusal sits at the note, which names it; the form keeps what was typed
		Document noNotePage = Jsoup.parse(noNote.body());
		assertTied(noNotePage, "[data-testid=rules-edit] input[name=note]", "note");
		assertValid(noNotePage, "[data-testid=rules-edit] input[name=title]");
		assertThat(noNotePage.select("textarea[name=body]").text()).isEqualTo("新的条款");
		HttpResponse<String> noTitle = admin.post("/admin/rules/community",
				Map.of("_csrf", admin.csrfToken(), "title", " ", "body", "新的条款", "note", "改标题"));
		assertThat(noTitle.statusCode()).isEqualTo(400);
		Document noTitlePage = Jsoup.parse(noTitle.body());
		assertTied(noTitlePage, "[data-testid=rules-edit] input[name=title]", "title");
		assertThat(noTitlePage.select("input[name=note]").val()).isEqualTo("改标题");
		HttpResponse<String> published = admin.post("/admin/rules/community",
				Map.of("_csrf", admin.csrfToken(), "title", "平台公约", "body",
						community.select("[data-testid=rules-body]").text() + "\n\n## 五、新增\n禁止刷量。", "note",
						"新增第五条：禁止刷量"));
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(location(published)).endsWith("/rules/community/v/" + (before + 1));
		Document now = reader.page("/rules/community").html();
		assertThat(version(now)).isEqualTo(before + 1);
		assertThat(now.select("[data-testid=rules-body]").text()).contains("禁止刷量");
		assertThat(now.select("[data-testid=rules-versions] li")).hasSize(before + 1);
		Document old = reader.page("/rules/community/v/" + before).html();
		assertThat(old.select("[data-testid=rules-superseded]")).hasSize(1);
		assertThat(old.select("[data-testid=rules-body]").text()).doesNotContain("禁止刷量");
		assertThat(admin.page("/admin/audit").html().select("tr[data-action=settings.rules-publish]").text())
			.contains("禁止刷量");
	}

	@Test
	void unknownRulesPagesAndVersionsAnswer404() {
		assertThat(browser().get("/rules/nothing").statusCode()).isEqualTo(404);
		assertThat(browser().get("/rules/community/v/99").statusCode()).isEqualTo(404);
	}

	/**
	 * Signing up accepts the rules in force: the 平台公约's version and the privacy policy.
	 */
	@Test
	void signingUpRecordsTheRulesInForce() {
		int inForce = version(browser().page("/rules/community").html());
		String email = unique("accept") + "@inkstone.test";
		signUp(email, "新读者");
		long account = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT version FROM rule_acceptances WHERE account_id = :a AND slug = 'community'")
			.param("a", account)
			.query(Integer.class)
			.single()).isEqualTo(inForce);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_acceptances WHERE account_id = :a AND slug = 'privacy'")
			.param("a", account)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The application form carries an avatar (multipart, the library's image rules: a bad
	 * image stores nothing); the application records the creator agreement's version, and
	 * once approved the creator's card shows the avatar.
	 */
	@Test
	void anApplicationRecordsTheAgreementVersionAndCarriesAnAvatar() {
		Person newcomer = verifiedPerson("新读者", Role.READER);
		Browser b = newcomer.browser();
		String handle = unique("rules");
		Map<String, String> form = application(b, "守规矩的人", handle);
		assertThat(b
			.postMultipart("/join", form, "avatar", "a.png", "image/png", "<svg/>".getBytes(StandardCharsets.UTF_8),
					"text/html")
			.statusCode()).isEqualTo(415);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE account_id = :a")
			.param("a", newcomer.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(b
			.postMultipart("/join", form, "avatar", "a.jpg", "image/jpeg", TestImages.jpegWithGps(600, 600, 1),
					"text/html")
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT agreement_version FROM creator_applications WHERE account_id = :a")
			.param("a", newcomer.id())
			.query(String.class)
			.single()).isEqualTo("v1");
		Browser admin = admin();
		assertThat(admin
			.post("/admin/applications/" + applicationOf(handle) + "/approve", Map.of("_csrf", admin.csrfToken()))
			.statusCode()).isEqualTo(302);
		assertThat(browser().page("/creators/" + handle)
			.html()
			.select("[data-testid=creator-card] img.avatar")
			.attr("src")).matches("/media/[0-9a-f]{64}/480\\.jpg");
	}

	/**
	 * An avatar has one limit wherever it is uploaded (Avatars.MAX_MEGABYTES): one over
	 * it with the application is a 413 that names the limit, the form comes back as
	 * typed, and nothing is written; sent again with a smaller avatar it goes through.
	 */
	@Test
	void anApplicationsAvatarOverTheAvatarLimitIs413AndTheFormComesBackAsTyped() {
		Person newcomer = verifiedPerson("新读者", Role.READER);
		Browser b = newcomer.browser();
		String handle = unique("bigavatar");
		Map<String, String> form = application(b, "头像很大的人", handle);
		byte[] large = new byte[(int) (9.7 * 1024 * 1024)]; // under the media limit, over
															// the avatar's
		byte[] jpeg = TestImages.jpegWithGps(600, 600, 1);
		System.arraycopy(jpeg, 0, large, 0, jpeg.length);
		HttpResponse<String> refused = b.postMultipart("/join", form, "avatar", "big.jpg", "image/jpeg", large,
				"text/html");
		assertThat(refused.statusCode()).isEqualTo(413);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("[data-field=avatar]").text()).contains(Avatars.MAX_MEGABYTES + " MB");
		assertTied(page, "[data-testid=join-form] input[name=avatar]", "avatar");
		assertValid(page, "[data-testid=join-form] select[name=channel]");
		assertThat(page.select("[data-testid=join-form] input[name=displayName]").val()).isEqualTo("头像很大的人");
		assertThat(page.select("[data-testid=join-form] input[name=handle]").val()).isEqualTo(handle);
		assertThat(page.select("[data-testid=join-form] input[name=tagline]").val()).isEqualTo("写诗的人");
		assertThat(page.select("[data-testid=join-form] input[name=contact]").val()).isEqualTo("微信 inkstone");
		assertThat(page.select("[data-testid=join-form] select[name=channel] option[selected]").val())
			.isEqualTo("tech");
		assertThat(page.select("[data-testid=join-form] input[name=agreement]").hasAttr("checked")).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_applications WHERE account_id = :a")
			.param("a", newcomer.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(b.postMultipart("/join", form, "avatar", "a.jpg", "image/jpeg", jpeg, "text/html").statusCode())
			.isEqualTo(302);
		assertThat(applicationOf(handle)).isPositive();
	}

	/**
	 * The articles on the hot list, top first, as the administrators' page shows them.
	 */
	static List<String> hotList(Browser admin) {
		return admin.page("/admin/hot").html().select("[data-testid=hot-admin-list] > li").eachAttr("data-article");
	}

	/** Hot-list interventions are the administrators', and each needs a reason. */
	@Test
	void onlyAdministratorsInterveneInTheHotListAndOnlyWithAReason() {
		Browser creator = creator("热榜作者");
		long article = id(publish(creator, "热榜零", "用于热榜权限测试。"));
		Browser admin = admin();
		assertThat(post(admin, "/admin/hot/" + article, Map.of("action", "pin", "reason", " "))).isEqualTo(400);
		assertThat(post(creator, "/admin/hot/" + article, Map.of("action", "pin", "reason", "自己置顶"))).isEqualTo(403);
	}

	/**
	 * Pin, remove and demote reorder the hot list; each is published on /algorithms with
	 * its reason until cleared, and audited.
	 */
	@Test
	void pinsRemovalsAndDemotionsReorderTheHotListAndArePublicWithTheirReasons() {
		Browser admin = admin();
		Browser creator = creator("热榜作者");
		String first = Long.toString(id(publish(creator, "热榜一", "第一篇用于热榜测试的文章正文。")));
		String second = Long.toString(id(publish(creator, "热榜二", "第二篇用于热榜测试的文章正文。")));
		String third = Long.toString(id(publish(creator, "热榜三", "第三篇用于热榜测试的文章正文。")));
		// the hot list refreshes every 2 s
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(hotList(admin)).contains(first, second, third));
		try {
			assertThat(post(admin, "/admin/hot/" + first, Map.of("action", "pin", "reason", "重大突发，置顶说明")))
				.isEqualTo(302);
			assertThat(post(admin, "/admin/hot/" + second, Map.of("action", "remove", "reason", "标题党，移出")))
				.isEqualTo(302);
			assertThat(post(admin, "/admin/hot/" + third, Map.of("action", "demote", "reason", "与置顶重复")))
				.isEqualTo(302);
			List<String> after = hotList(admin);
			assertThat(after.get(0)).isEqualTo(first);
			assertThat(after).doesNotContain(second);
			assertThat(after.get(after.size() - 1)).isEqualTo(third);
			Document algorithms = browser().page("/algorithms").html();
			assertThat(algorithms.select("[data-testid=interventions] tr[data-action=pin]").text()).contains("热榜一")
				.contains("重大突发");
			assertThat(algorithms.select("[data-testid=interventions] tr[data-action=remove]").text()).contains("标题党");
			// a refusal sits at its field in that article's row, which keeps what was
			// posted
			HttpResponse<String> noReason = admin.post("/admin/hot/" + first,
					Map.of("_csrf", admin.csrfToken(), "action", "demote", "reason", " "));
			assertThat(noReason.statusCode()).isEqualTo(400);
			Document noReasonPage = Jsoup.parse(noReason.body());
			assertThat(noReasonPage.select("[data-testid=hot-error]").text()).isNotBlank();
			Element firstRow = noReasonPage
				.selectFirst("[data-testid=hot-admin-list] > li[data-article=" + first + "]");
			FieldErrorTies.assertTiedTo(noReasonPage,
					"[data-testid=hot-admin-list] > li[data-article=" + first + "] input[name=reason]",
					"field-error-reason-" + first);
			assertThat(firstRow.select("select[name=action] option[selected]").val()).isEqualTo("demote");
			assertThat(firstRow.select("select[name=action]").attr("aria-invalid")).isEmpty();
			HttpResponse<String> unknown = admin.post("/admin/hot/" + first,
					Map.of("_csrf", admin.csrfToken(), "action", "bury", "reason", "埋掉"));
			assertThat(unknown.statusCode()).isEqualTo(400);
			Document unknownPage = Jsoup.parse(unknown.body());
			FieldErrorTies.assertTiedTo(unknownPage,
					"[data-testid=hot-admin-list] > li[data-article=" + first + "] select[name=action]",
					"field-error-action-" + first);
			assertThat(unknownPage
				.select("[data-testid=hot-admin-list] > li[data-article=" + first + "] input[name=reason]")
				.val()).isEqualTo("埋掉");
			HttpResponse<String> clearWithoutReason = admin.post("/admin/hot/" + second,
					Map.of("_csrf", admin.csrfToken(), "action", "clear", "reason", ""));
			assertThat(clearWithoutReason.statusCode()).isEqualTo(400);
			FieldErrorTies.assertTiedTo(Jsoup.parse(clearWithoutReason.body()),
					"[data-testid=active-interventions] > li[data-article=" + second + "] input[name=reason]",
					"field-error-clear-reason-" + second);
			assertThat(hotList(admin).get(0)).isEqualTo(first);
			assertThat(post(admin, "/admin/hot/" + second, Map.of("action", "clear", "reason", "已核实"))).isEqualTo(302);
			assertThat(
					browser().page("/algorithms").html().select("[data-testid=interventions] tr[data-action=remove]"))
				.isEmpty();
			Document audit = admin.page("/admin/audit").html();
			assertThat(audit.select("tr[data-action=hot.pin]").text()).contains("重大突发");
			assertThat(audit.select("tr[data-action=hot.clear]").text()).contains("已核实");
		}
		finally { // the hot list as other tests expect it
			for (String article : List.of(first, second, third)) {
				post(admin, "/admin/hot/" + article, Map.of("action", "clear", "reason", "测试结束"));
			}
		}
	}

	/** Administrators rebuild the search index from the database with a progress page. */
	@Test
	void administratorsRebuildTheSearchIndexWithAProgressPage() {
		Browser admin = admin();
		assertThat(creator("热榜作者").get("/admin/search").statusCode()).isEqualTo(403);
		assertThat(post(admin, "/admin/search/rebuild", Map.of())).isEqualTo(302);
		long published = jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'published'")
			.query(Long.class)
			.single();
		Document status = await().atMost(Duration.ofSeconds(20))
			.until(() -> admin.page("/admin/search").html(),
					page -> "false".equals(page.selectFirst("[data-testid=search-admin]").attr("data-running")));
		assertThat(status.selectFirst("[data-testid=search-admin]").attr("data-running")).isEqualTo("false");
		assertThat(status.select("[data-testid=search-documents]").text()).contains(Long.toString(published));
		assertThat(admin.get("/admin/search/progress.json").body()).contains("\"running\":false");
		assertThat(admin.page("/admin/audit").html().select("tr[data-action=settings.search-rebuild]")).isNotEmpty();
	}

	@Test
	void theFeedSaysWhyEachItemIsShownAndPersonalisationCanBeSwitchedOff() {
		assertThat(location(browser().get("/feed"))).contains("/login");
		Browser creator = creator("推荐作者");
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
		// recorded off the reader's thread, within a second or two
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(
					reader.page("/feed/settings").html().select("[data-testid=interests] li").eachAttr("data-tag"))
				.contains("科技", "算法", "透明"));
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
		// each field names its error as its description: a screen reader says what is
		// wrong where it is
		for (String field : List.of("email", "password", "displayName")) {
			Element input = html.selectFirst("[data-testid=signup-form] input[name=" + field + "]");
			assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
			assertThat(html.getElementById(input.attr("aria-describedby")).attr("data-field")).as(field)
				.isEqualTo(field);
		}
		// what was typed comes back, but never the password
		assertThat(html.selectFirst("input[name=email]").attr("value")).isEqualTo("not-an-email");
		assertThat(html.selectFirst("input[name=password]").attr("value")).isEmpty();
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

	/** A creator, signed in, and the path of their one article, 可评论的文章. */
	record Authored(Browser creator, String path) {
	}

	Authored creatorWithArticle() {
		Browser creator = creator("作者");
		Map<String, String> draft = article("可评论的文章", "正文");
		draft.putAll(Map.of("tags", "", "aigc", "none", "source", ""));
		return new Authored(creator, publish(creator, draft));
	}

	/** Comments on the article as this reader; answers the comment's id. */
	static String comment(Browser reader, String path, String text) {
		reader.page(path);
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", text)).statusCode())
			.isEqualTo(302);
		return reader.page(path)
			.testId("comments")
			.select("li.comment")
			.stream()
			.filter(li -> li.selectFirst(".comment-body").text().contains(text))
			.findFirst()
			.orElseThrow()
			.attr("data-comment");
	}

	@Test
	void anonymousVisitorsAreSentToSignInToComment() {
		String path = creatorWithArticle().path();
		Browser anonymous = browser();
		anonymous.page(path);
		assertThat(location(anonymous.post(path + "/comments", Map.of("_csrf", anonymous.csrfToken(), "text", "匿名"))))
			.endsWith("/login");
	}

	/**
	 * A comment is shown as text, markup and all; a reply goes under it, one level deep
	 * only.
	 */
	@Test
	void commentsAreShownAsTextAndRepliesGoOneLevelDeep() {
		String path = creatorWithArticle().path();
		Browser reader = roles.reader();
		String commentId = comment(reader, path, "<script>alert(1)</script>好诗");
		Browser.Page page = reader.page(path);
		assertThat(page.testId("comment-count").text()).isEqualTo("1");
		assertThat(page.testId("comments").select("script")).isEmpty();
		assertThat(page.testId("comments").select(".comment-body").text()).contains("<script>alert(1)</script>好诗");
		assertThat(
				reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "回复", "parent", commentId))
					.statusCode())
			.isEqualTo(302);
		String replyId = reader.page(path)
			.testId("comments")
			.selectFirst(".comment-replies li.comment")
			.attr("data-comment");
		assertThat(
				reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "再回复", "parent", replyId))
					.statusCode())
			.isEqualTo(400); // one level only
	}

	@Test
	void blankOverlongAndMisdirectedCommentsAreRefused() {
		String path = creatorWithArticle().path();
		Browser reader = roles.reader();
		reader.page(path);
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "   ")).statusCode())
			.isEqualTo(400);
		assertThat(reader.post(path + "/comments", Map.of("_csrf", reader.csrfToken(), "text", "长".repeat(1001)))
			.statusCode()).isEqualTo(400);
		assertThat(reader.post("/articles/1/comments", Map.of("_csrf", reader.csrfToken(), "text", "无处")).statusCode())
			.isEqualTo(404);
		assertThat(reader.post("/comments/1/like", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(404);
	}

	/** A like on a comment toggles; a like on the article counts. */
	@Test
	void aCommentLikeTogglesAndAnArticleLikeCounts() {
		String path = creatorWithArticle().path();
		Browser reader = roles.reader();
		String commentId = comment(reader, path, "好诗");
		reader.post("/comments/" + commentId + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("comments").selectFirst("[data-testid=comment-like]").text()).endsWith("1");
		reader.post("/comments/" + commentId + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("comments").selectFirst("[data-testid=comment-like]").text()).endsWith("0");
		reader.post(path + "/like", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.page(path).testId("like-count").text()).isEqualTo("1");
	}

	/**
	 * Only the article's creator moderates: hides a comment (readers no longer see it,
	 * the creator sees it marked) and turns comments off.
	 */
	@Test
	void onlyTheArticlesCreatorHidesCommentsAndTurnsThemOff() {
		Authored authored = creatorWithArticle();
		Browser creator = authored.creator();
		String path = authored.path();
		Browser reader = roles.reader();
		String commentId = comment(reader, path, "好诗");
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
	}

	/**
	 * The creator's dashboard shows the true numbers (a hidden comment does not count)
	 * and exports them; readers have no export.
	 */
	@Test
	void theDashboardCountsWhatReadersSeeAndExportsIt() {
		Authored authored = creatorWithArticle();
		Browser creator = authored.creator();
		String path = authored.path();
		Browser reader = roles.reader();
		String hidden = comment(reader, path, "要隐藏的评论");
		comment(reader, path, "留下的评论");
		reader.post(path + "/like", Map.of("_csrf", reader.csrfToken()));
		creator.page(path);
		assertThat(creator.post("/comments/" + hidden + "/hide", Map.of("_csrf", creator.csrfToken())).statusCode())
			.isEqualTo(302);
		Browser.Page dashboard = creator.page("/studio");
		assertThat(dashboard.testId("studio-totals").text()).contains("评论 1").contains("点赞 1");
		HttpResponse<String> csv = creator.get("/studio/stats.csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(csv.body()).contains("\"可评论的文章\",published").contains(",1,1\n");
		assertThat(reader.get("/studio/stats.csv").statusCode()).isEqualTo(403);
	}

	/**
	 * 注销: a wrong password changes nothing; the right one deletes the account, anonymises
	 * its comments and takes back its like; it no longer signs in.
	 */
	@Test
	void deletingAnAccountNeedsThePasswordAndAnonymisesItsComments() {
		Authored authored = creatorWithArticle();
		String path = authored.path();
		Person reader = person("读者", Role.READER);
		Browser b = reader.browser();
		comment(b, path, "读后感");
		b.post(path + "/like", Map.of("_csrf", b.csrfToken()));
		assertThat(b.page(path).testId("like-count").text()).isEqualTo("1");
		b.page("/account");
		assertThat(location(b.post("/account/delete", Map.of("_csrf", b.csrfToken(), "password", "nope"))))
			.contains("/account?error");
		assertThat(assertTied(b.page("/account?error").html(), "form[data-testid=delete-account] input[name=password]",
				"password"))
			.isNotBlank();
		assertThat(b.post("/account/delete", Map.of("_csrf", b.csrfToken(), "password", SignedInRoles.PASSWORD))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email = :e")
			.param("e", reader.email())
			.query(Long.class)
			.single()).isZero();
		Browser.Page afterDeletion = authored.creator().page(path);
		assertThat(afterDeletion.testId("comments").select(".comment-meta strong").eachText()).contains("已注销用户")
			.doesNotContain("读者");
		assertThat(afterDeletion.testId("like-count").text()).isEqualTo("0");
		Browser gone = browser();
		gone.page("/login");
		assertThat(location(gone.post("/login",
				Map.of("_csrf", gone.csrfToken(), "email", reader.email(), "password", SignedInRoles.PASSWORD))))
			.contains("error");
	}

	@Test
	void fiveCommentsAMinuteThenTooManyRequestsWithTheWait() {
		String path = creatorWithArticle().path();
		Browser chatty = roles.reader();
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
	 * Waits (10 s at most) until {@code count} reset links reached {@code to}; returns
	 * the links.
	 */
	static List<String> resetLinksTo(String to, int count) {
		return await().alias(count + " reset links to " + to)
			.atMost(Duration.ofSeconds(10))
			.until(() -> resetLinksIn(to), links -> links.size() >= count);
	}

	/** The password reset links in the mails received for {@code to}. */
	static List<String> resetLinksIn(String to) {
		Pattern link = Pattern.compile("\\S+/password/reset\\?token=[A-Za-z0-9_=-]+");
		List<String> links = new ArrayList<>();
		for (String text : SMTP.textsTo(to)) {
			Matcher matcher = link.matcher(text);
			while (matcher.find()) {
				links.add(matcher.group());
			}
		}
		return links;
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
		assertTied(Jsoup.parse(overlong.body()), "form[action=/password/reset] input[name=password]", "password");
		assertThat(Jsoup.parse(overlong.body()).selectFirst("input[name=token]").val()).isEqualTo(token);
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

}
