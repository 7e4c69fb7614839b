package io.inkstone.settings;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.articles.LifecycleOutcome;
import io.inkstone.shared.PlatformDays;
import io.inkstone.support.Browser;
import io.inkstone.support.FieldErrorTies;
import io.inkstone.support.SignedInRoles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.SignedInRoles.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/settings} over real HTTP, once per database: only admins reach it; bad
 * input is a 400 page with the field's message and stores nothing; a saved change is in
 * effect at once — the site name on every page, a new sensitive word holding the very
 * next article — and is in the audit log with its old and new value.
 */
@Import(SignedInRoles.class)
abstract class SettingsContract {

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	JdbcClient jdbc;

	/** The general form as the page shows it now, with {@code changes} applied. */
	static Map<String, String> generalForm(Browser admin, Map<String, String> changes) {
		Document page = admin.page("/admin/settings").html();
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", admin.csrfToken());
		form.put("siteName", page.selectFirst("input[name=siteName]").val());
		form.put("disclaimerZh", page.selectFirst("textarea[name=disclaimerZh]").text());
		form.put("disclaimerEn", page.selectFirst("textarea[name=disclaimerEn]").text());
		form.put("timeZone", page.selectFirst("input[name=timeZone]").val());
		form.put("complianceProfile", page.selectFirst("input[name=complianceProfile][checked]").val());
		form.putAll(changes);
		return form;
	}

	static Map<String, String> listsForm(Browser admin, String extraWord) {
		Document page = admin.page("/admin/settings").html();
		String words = page.selectFirst("textarea[name=words]").wholeText();
		return Map.of("_csrf", admin.csrfToken(), "words", extraWord == null ? words : words + "\n" + extraWord,
				"domains", page.selectFirst("textarea[name=domains]").wholeText());
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM site_settings").query(Long.class).single();
	}

	long audits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.change'").query(Long.class).single();
	}

	String siteNameOnHome() {
		return new Browser(port).page("/").html().title();
	}

	@Test
	void onlyAdminsReachTheSettings() {
		String nameBefore = siteNameOnHome();
		long rowsBefore = rows();
		Browser anonymous = new Browser(port);
		assertThat(anonymous.get("/admin/settings").headers().firstValue("Location").orElse("")).endsWith("/login");
		Browser reader = roles.reader();
		Browser creator = roles.creator().signIn();
		Browser reviewer = roles.reviewer();
		for (Browser someone : List.of(reader, creator, reviewer)) {
			assertThat(someone.get("/admin/settings").statusCode()).isEqualTo(403);
			assertThat(
					someone
						.post("/admin/settings",
								Map.of("_csrf", someone.csrfToken(), "siteName", "篡改", "disclaimerZh", "",
										"disclaimerEn", "", "timeZone", "UTC", "complianceProfile", "minimal"))
						.statusCode())
				.isEqualTo(403);
			assertThat(someone
				.post("/admin/settings/lists",
						Map.of("_csrf", someone.csrfToken(), "words", "篡改词", "domains", "evil.example"))
				.statusCode()).isEqualTo(403);
		}
		assertThat(anonymous
			.post("/admin/settings", Map.of("siteName", "篡改", "timeZone", "UTC", "complianceProfile", "minimal"))
			.statusCode()).isIn(302, 403);
		// an admin without the token is refused too (CSRF)
		Browser admin = roles.admin();
		assertThat(
				admin.post("/admin/settings", generalForm(admin, Map.of("siteName", "无令牌", "_csrf", "x"))).statusCode())
			.isEqualTo(403);
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(siteNameOnHome()).isEqualTo(nameBefore);

		// the admin reaches it from the console's navigation
		Document hub = admin.page("/admin").html();
		assertThat(hub.select("[data-testid=admin-nav] a[href=/admin/settings]")).hasSize(1);
		Document settings = admin.page("/admin/settings").html();
		assertThat(settings.select("[data-testid=admin-nav] a[aria-current=page]").eachAttr("href"))
			.containsExactly("/admin/settings");
	}

	@Test
	void badInputIsRefusedWithTheFieldsMessageAndNothingIsStored() {
		Browser admin = roles.admin();
		long rowsBefore = rows();
		long auditsBefore = audits();
		record Bad(String field, String value, String message) {
		}
		for (Bad bad : List.of(new Bad("siteName", "  ", "请填写站点名称"), new Bad("siteName", "名".repeat(61), "最多 60 个字"),
				new Bad("disclaimerZh", "声".repeat(2001), "最多 2000 个字"), new Bad("timeZone", "Mars/Olympus", "有效的时区名"),
				new Bad("timeZone", "", "有效的时区名"), new Bad("complianceProfile", "mars", "合规模式"))) {
			Map<String, String> changes = new HashMap<>(Map.of("siteName", "不该保存的名字"));
			changes.put(bad.field(), bad.value());
			HttpResponse<String> r = admin.post("/admin/settings", generalForm(admin, changes));
			assertThat(r.statusCode()).as(bad.toString()).isEqualTo(400);
			Document page = Jsoup.parse(r.body());
			assertThat(page.select("[data-field=" + bad.field() + "]").text()).as(bad.toString())
				.contains(bad.message());
			// the control (each radio of a group) names its error
			FieldErrorTies.assertTiedTo(page, "[name=" + bad.field() + "]", "field-error-" + bad.field());
			assertThat(r.body()).doesNotContain("Exception");
		}
		// a word list that is not UTF-8 text (GBK) is refused the same way
		HttpResponse<String> file = admin.postMultipart("/admin/settings/lists", listsForm(admin, null), "wordsFile",
				"words.txt", "text/plain", "敏感词".getBytes(Charset.forName("GBK")), "text/html");
		assertThat(file.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(file.body()).select("[data-field=wordsFile]").text()).contains("UTF-8");
		FieldErrorTies.assertTiedTo(Jsoup.parse(file.body()), "input[name=wordsFile]", "field-error-wordsFile");
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(audits()).isEqualTo(auditsBefore);
		assertThat(siteNameOnHome()).doesNotContain("不该保存的名字");
	}

	@Test
	void aNewSiteNameIsOnEveryPageAtOnceAndAudited() {
		Browser admin = roles.admin();
		String name = unique("新站名");

		// the site name, and a profile that holds flagged articles
		HttpResponse<String> saved = admin.post("/admin/settings",
				generalForm(admin, Map.of("siteName", name, "complianceProfile", "eu-dsa")));
		try {
			assertThat(saved.statusCode()).isEqualTo(302);
			assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/admin/settings?saved");
			Document page = admin.page("/admin/settings?saved").html();
			assertThat(page.selectFirst("[data-testid=flash]").text()).contains("设置已保存");
			assertThat(page.selectFirst("input[name=siteName]").val()).isEqualTo(name);
			assertThat(siteNameOnHome()).contains(name);
			assertThat(new Browser(port).page("/").html().text()).contains(name);

			// the audit log: who, which setting, old → new
			Document audit = admin.page("/admin/audit?action=settings.change").html();
			assertThat(audit.select("tr[data-action=settings.change]").text()).contains(name)
				.contains("site.name")
				.contains("→")
				.contains("compliance.profile")
				.contains("管理员");
			// saving the same values again changes nothing and says so
			HttpResponse<String> same = admin.post("/admin/settings", generalForm(admin, Map.of()));
			assertThat(same.headers().firstValue("Location").orElse("")).endsWith("?unchanged");
		}
		finally {
			// back to the minimal profile, so other tests on this context are unaffected
			admin.post("/admin/settings", generalForm(admin, Map.of("complianceProfile", "minimal")));
		}
	}

	@Test
	void aSensitiveWordTypedOrUploadedHoldsTheVeryNextArticle() {
		Browser admin = roles.admin();
		long creator = roles.creator().creatorId();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		String word = unique("禁词");
		// a profile that holds flagged articles
		assertThat(
				admin.post("/admin/settings", generalForm(admin, Map.of("complianceProfile", "eu-dsa"))).statusCode())
			.isEqualTo(302);
		try {
			// before the word is listed, an article with it goes live
			LifecycleOutcome before = articles.publish(articles.createDraft(creator,
					new Draft("第一篇" + word, "今天说说" + word + "这件事，" + unique("正文"), channel, "", true, Aigc.NONE, null)),
					creator);
			assertThat(before).isInstanceOf(LifecycleOutcome.Published.class);

			// the admin adds it in the textarea: the very next article with it is held
			HttpResponse<String> lists = admin.post("/admin/settings/lists", listsForm(admin, word));
			assertThat(lists.statusCode()).isEqualTo(302);
			assertThat(admin.page("/admin/settings?listsSaved").html().selectFirst("[data-testid=flash]").text())
				.contains("名单已保存");
			LifecycleOutcome held = articles.publish(articles.createDraft(creator,
					new Draft("第二篇" + word, "又说" + word + "，" + unique("正文"), channel, "", true, Aigc.NONE, null)),
					creator);
			assertThat(held).isInstanceOf(LifecycleOutcome.HeldForReview.class);

			// an uploaded file replaces the list (a BOM and Windows line ends are fine)
			String uploaded = unique("上传词");
			String text = "\uFEFF" + listsForm(admin, null).get("words").replace("\n", "\r\n") + "\r\n" + uploaded
					+ "\r\n";
			Map<String, String> fields = new HashMap<>(listsForm(admin, null));
			fields.put("words", "");
			HttpResponse<String> upload = admin.postMultipart("/admin/settings/lists", fields, "wordsFile", "words.txt",
					"text/plain", text.getBytes(StandardCharsets.UTF_8), "text/html");
			assertThat(upload.statusCode()).isEqualTo(302);
			Document afterUpload = admin.page("/admin/settings").html();
			assertThat(afterUpload.selectFirst("textarea[name=words]").wholeText()).contains(uploaded).contains(word);
			assertThat(articles.publish(
					articles.createDraft(creator,
							new Draft("第三篇", "提到" + uploaded + "。" + unique("正文"), channel, "", true, Aigc.NONE, null)),
					creator))
				.isInstanceOf(LifecycleOutcome.HeldForReview.class);

			// the audit log: which list, what was added, by whom
			Document audit = admin.page("/admin/audit?action=settings.change").html();
			assertThat(audit.select("tr[data-action=settings.change]").text()).contains("review.sensitive-words")
				.contains("+" + word)
				.contains("管理员");
		}
		finally {
			// back to the minimal profile, so other tests on this context are unaffected
			admin.post("/admin/settings", generalForm(admin, Map.of("complianceProfile", "minimal")));
		}
	}

	@Test
	void theTimeZoneIsOneSettingForTheWholeSite() {
		Browser admin = roles.admin();
		ZoneId before = PlatformDays.zone();
		try {
			assertThat(
					admin.post("/admin/settings", generalForm(admin, Map.of("timeZone", "Europe/Berlin"))).statusCode())
				.isEqualTo(302);
			assertThat(PlatformDays.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
			assertThat(admin.page("/admin/settings").html().selectFirst("input[name=timeZone]").val())
				.isEqualTo("Europe/Berlin");
		}
		finally {
			admin.post("/admin/settings", generalForm(admin, Map.of("timeZone", before.getId())));
		}
		assertThat(PlatformDays.zone()).isEqualTo(before);
	}

	@Test
	void badChannelInputIsRefusedWithTheFieldsMessageAndNothingIsStored() {
		Browser admin = roles.admin();
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		long channelsBefore = jdbc.sql("SELECT COUNT(*) FROM channels").query(Long.class).single();
		for (Map<String, String> bad : List.of(Map.of("channelSlug", "Bad Slug!", "channelName", "坏频道"),
				Map.of("channelSlug", slug, "channelName", " "),
				Map.of("channelSlug", "yaowen", "channelName", "重复的网址名"))) {
			Map<String, String> form = new HashMap<>(bad);
			form.put("_csrf", admin.csrfToken());
			HttpResponse<String> r = admin.post("/admin/settings/channels", form);
			assertThat(r.statusCode()).as(bad.toString()).isEqualTo(400);
			assertThat(Jsoup.parse(r.body()).select(".field-error").text()).as(bad.toString()).isNotBlank();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM channels").query(Long.class).single()).isEqualTo(channelsBefore);
	}

	/**
	 * Adds a channel named 新频道 with one article, so the reader navigation shows it;
	 * answers its id.
	 */
	long channelWithAnArticle(Browser admin, String slug) {
		long creator = roles.creator().creatorId();
		assertThat(admin
			.post("/admin/settings/channels",
					Map.of("_csrf", admin.csrfToken(), "channelSlug", slug, "channelName", "新频道"))
			.statusCode()).isEqualTo(302);
		long id = jdbc.sql("SELECT id FROM channels WHERE slug = :s").param("s", slug).query(Long.class).single();
		assertThat(articles.publish(
				articles.createDraft(creator, new Draft("新频道的第一篇", unique("新频道正文"), id, "", true, Aigc.NONE, null)),
				creator))
			.isInstanceOf(LifecycleOutcome.Published.class);
		return id;
	}

	@Test
	void anAddedChannelWithAnArticleComesLastInTheNavigation() {
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		channelWithAnArticle(roles.admin(), slug);
		assertThat(navSlugs()).endsWith(slug);
	}

	@Test
	void aRenamedChannelIsNamedAnewAtOnceAndABlankNameIsRefused() {
		Browser admin = roles.admin();
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		long id = channelWithAnArticle(admin, slug);
		assertThat(admin
			.post("/admin/settings/channels/" + id + "/rename", Map.of("_csrf", admin.csrfToken(), "name", "改名频道"))
			.statusCode()).isEqualTo(302);
		assertThat(new Browser(port).page("/")
			.html()
			.select("[data-testid=channel-strip] a[href=/channels/" + slug + "]")
			.text()).contains("改名频道");
		HttpResponse<String> blank = admin.post("/admin/settings/channels/" + id + "/rename",
				Map.of("_csrf", admin.csrfToken(), "name", ""));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blank.body()).select("[data-field=name-" + id + "]").text()).contains("频道名称");
	}

	@Test
	void aChannelMovesUpOnePlaceAndNoWhereElse() {
		Browser admin = roles.admin();
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		long id = channelWithAnArticle(admin, slug);
		// the navigation shows only channels with articles: the order is the settings
		// page's list
		List<String> before = admin.page("/admin/settings")
			.html()
			.select("[data-testid=channels] li")
			.eachAttr("data-channel");
		assertThat(admin
			.post("/admin/settings/channels/" + id + "/move", Map.of("_csrf", admin.csrfToken(), "direction", "up"))
			.statusCode()).isEqualTo(302);
		List<String> after = admin.page("/admin/settings")
			.html()
			.select("[data-testid=channels] li")
			.eachAttr("data-channel");
		assertThat(after.indexOf(slug)).isEqualTo(before.indexOf(slug) - 1);
		assertThat(after.get(after.size() - 1)).isEqualTo(before.get(before.size() - 2));
		assertThat(admin
			.post("/admin/settings/channels/" + id + "/move",
					Map.of("_csrf", admin.csrfToken(), "direction", "sideways"))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aHiddenChannelLeavesTheNavigationKeepsItsPageAndIsShownAgain() {
		Browser admin = roles.admin();
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		long id = channelWithAnArticle(admin, slug);
		assertThat(admin
			.post("/admin/settings/channels/" + id + "/visibility",
					Map.of("_csrf", admin.csrfToken(), "hidden", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(navSlugs()).doesNotContain(slug);
		assertThat(new Browser(port).page("/channels/" + slug).status()).isEqualTo(200);
		admin.post("/admin/settings/channels/" + id + "/visibility",
				Map.of("_csrf", admin.csrfToken(), "hidden", "false"));
		assertThat(navSlugs()).contains(slug);
	}

	@Test
	void everyChannelChangeIsAuditedInTheAdminsLanguageAndOthersAreRefused() {
		Browser admin = roles.admin();
		long id = channelWithAnArticle(admin, unique("ch").toLowerCase(Locale.ROOT));
		for (Map<String, String> change : List.of(Map.of("path", "rename", "name", "改名频道"),
				Map.of("path", "move", "direction", "up"), Map.of("path", "visibility", "hidden", "true"))) {
			Map<String, String> form = new HashMap<>(change);
			form.remove("path");
			form.put("_csrf", admin.csrfToken());
			assertThat(admin.post("/admin/settings/channels/" + id + "/" + change.get("path"), form).statusCode())
				.as(change.toString())
				.isEqualTo(302);
		}
		Document audit = admin.page("/admin/audit?action=settings.change").html();
		assertThat(audit.select("tr[data-action=settings.change] [data-reason]").eachAttr("data-reason"))
			.contains("channel.add", "channel.rename", "channel.move", "channel.hide");
		assertThat(audit.select("tr[data-action=settings.change]").text()).contains("添加频道")
			.contains("频道改名")
			.doesNotContain("channel.add");
		// others are refused
		Browser reviewer = roles.reviewer();
		assertThat(reviewer
			.post("/admin/settings/channels/" + id + "/rename", Map.of("_csrf", reviewer.csrfToken(), "name", "篡改"))
			.statusCode()).isEqualTo(403);
	}

	List<String> navSlugs() {
		return new Browser(port).page("/")
			.html()
			.select("[data-testid=channel-strip] a[href^=/channels/]")
			.eachAttr("href")
			.stream()
			.map(h -> h.substring("/channels/".length()))
			.distinct()
			.toList();
	}

}
