package io.inkstone.settings;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.articles.LifecycleOutcome;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.shared.PlatformDays;
import io.inkstone.support.Browser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/settings} over real HTTP, once per database: only admins reach it; bad
 * input is a 400 page with the field's message and stores nothing; a saved change is in
 * effect at once — the site name on every page, a new sensitive word holding the very
 * next article — and is in the audit log with its old and new value.
 */
abstract class SettingsContract {

	static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Articles articles;

	@Autowired
	Creators creators;

	@Autowired
	CreatorApplications applications;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	long account(String name, Role role) {
		return accounts.signUp(unique("s") + "@inkstone.test", PASSWORD, name, role).orElseThrow().accountId();
	}

	Browser signIn(long accountId) {
		String email = jdbc.sql("SELECT email FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	Browser admin() {
		return signIn(account("管理员", Role.ADMIN));
	}

	/** An approved creator: account id and creator id. */
	long[] creator() {
		long account = account("作者", Role.READER);
		String handle = unique("w");
		assertThat(applications.apply(account, new CreatorApplications.Form("个人",
				"作者" + handle.substring(handle.length() - 4), handle, "", "tech", "微信 y", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		return new long[] { account, creators.ofAccount(account).orElseThrow().id() };
	}

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
		Browser reader = signIn(account("读者", Role.READER));
		Browser creator = signIn(creator()[0]);
		Browser reviewer = signIn(account("审核员", Role.REVIEWER));
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
		Browser admin = admin();
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
		Browser admin = admin();
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
			assertThat(r.body()).doesNotContain("Exception");
		}
		// a word list that is not UTF-8 text (GBK) is refused the same way
		HttpResponse<String> file = admin.postMultipart("/admin/settings/lists", listsForm(admin, null), "wordsFile",
				"words.txt", "text/plain", "敏感词".getBytes(Charset.forName("GBK")), "text/html");
		assertThat(file.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(file.body()).select("[data-field=wordsFile]").text()).contains("UTF-8");
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(audits()).isEqualTo(auditsBefore);
		assertThat(siteNameOnHome()).doesNotContain("不该保存的名字");
	}

	@Test
	void anAdminsChangeIsInEffectAtOnceAndAudited() {
		Browser admin = admin();
		long[] creator = creator();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		String word = unique("禁词");
		String name = unique("新站名");

		// the site name, and a profile that holds flagged articles
		HttpResponse<String> saved = admin.post("/admin/settings",
				generalForm(admin, Map.of("siteName", name, "complianceProfile", "eu-dsa")));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/admin/settings?saved");
		Document page = admin.page("/admin/settings?saved").html();
		assertThat(page.selectFirst("[data-testid=flash]").text()).contains("设置已保存");
		assertThat(page.selectFirst("input[name=siteName]").val()).isEqualTo(name);
		assertThat(siteNameOnHome()).contains(name);
		assertThat(new Browser(port).page("/").html().text()).contains(name);

		// before the word is listed, an article with it goes live
		LifecycleOutcome before = articles.publish(articles.createDraft(creator[1],
				new Draft("第一篇" + word, "今天说说" + word + "这件事，" + unique("正文"), channel, "", true, Aigc.NONE, null)),
				creator[1]);
		assertThat(before).isInstanceOf(LifecycleOutcome.Published.class);

		// the admin adds it in the textarea: the very next article with it is held
		HttpResponse<String> lists = admin.post("/admin/settings/lists", listsForm(admin, word));
		assertThat(lists.statusCode()).isEqualTo(302);
		assertThat(admin.page("/admin/settings?listsSaved").html().selectFirst("[data-testid=flash]").text())
			.contains("名单已保存");
		LifecycleOutcome held = articles.publish(
				articles.createDraft(creator[1],
						new Draft("第二篇" + word, "又说" + word + "，" + unique("正文"), channel, "", true, Aigc.NONE, null)),
				creator[1]);
		assertThat(held).isInstanceOf(LifecycleOutcome.HeldForReview.class);

		// an uploaded file replaces the list (a BOM and Windows line ends are fine)
		String uploaded = unique("上传词");
		String text = "\uFEFF" + listsForm(admin, null).get("words").replace("\n", "\r\n") + "\r\n" + uploaded + "\r\n";
		Map<String, String> fields = new HashMap<>(listsForm(admin, null));
		fields.put("words", "");
		HttpResponse<String> upload = admin.postMultipart("/admin/settings/lists", fields, "wordsFile", "words.txt",
				"text/plain", text.getBytes(StandardCharsets.UTF_8), "text/html");
		assertThat(upload.statusCode()).isEqualTo(302);
		Document afterUpload = admin.page("/admin/settings").html();
		assertThat(afterUpload.selectFirst("textarea[name=words]").wholeText()).contains(uploaded).contains(word);
		assertThat(articles.publish(
				articles.createDraft(creator[1],
						new Draft("第三篇", "提到" + uploaded + "。" + unique("正文"), channel, "", true, Aigc.NONE, null)),
				creator[1]))
			.isInstanceOf(LifecycleOutcome.HeldForReview.class);

		// the audit log: who, which setting, old → new
		Document audit = admin.page("/admin/audit?action=settings.change").html();
		assertThat(audit.select("tr[data-action=settings.change]").text()).contains(name)
			.contains("site.name")
			.contains("→")
			.contains("compliance.profile")
			.contains("review.sensitive-words")
			.contains("+" + word)
			.contains("管理员");
		// saving the same values again changes nothing and says so
		HttpResponse<String> same = admin.post("/admin/settings", generalForm(admin, Map.of()));
		assertThat(same.headers().firstValue("Location").orElse("")).endsWith("?unchanged");

		// back to the minimal profile, so other tests on this context are unaffected
		admin.post("/admin/settings", generalForm(admin, Map.of("complianceProfile", "minimal")));
	}

	@Test
	void theTimeZoneIsOneSettingForTheWholeSite() {
		Browser admin = admin();
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
	void anAdminAddsRenamesReordersAndHidesChannels() {
		Browser admin = admin();
		long[] creator = creator();
		String slug = unique("ch").toLowerCase(Locale.ROOT);
		long channelsBefore = jdbc.sql("SELECT COUNT(*) FROM channels").query(Long.class).single();

		// bad input: a 400 page with the field's message, nothing stored
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

		// added at the end, with an article it shows in the reader navigation
		assertThat(admin
			.post("/admin/settings/channels",
					Map.of("_csrf", admin.csrfToken(), "channelSlug", slug, "channelName", "新频道"))
			.statusCode()).isEqualTo(302);
		long id = jdbc.sql("SELECT id FROM channels WHERE slug = :s").param("s", slug).query(Long.class).single();
		assertThat(articles.publish(
				articles.createDraft(creator[1], new Draft("新频道的第一篇", unique("新频道正文"), id, "", true, Aigc.NONE, null)),
				creator[1]))
			.isInstanceOf(LifecycleOutcome.Published.class);
		assertThat(navSlugs()).endsWith(slug);

		// renamed: the navigation says the new name at once
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

		// moved up one place (the navigation shows only channels with articles: the
		// order is the settings page's list)
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

		// hidden: out of the navigation, its page still there; then shown again
		assertThat(admin
			.post("/admin/settings/channels/" + id + "/visibility",
					Map.of("_csrf", admin.csrfToken(), "hidden", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(navSlugs()).doesNotContain(slug);
		assertThat(new Browser(port).page("/channels/" + slug).status()).isEqualTo(200);
		admin.post("/admin/settings/channels/" + id + "/visibility",
				Map.of("_csrf", admin.csrfToken(), "hidden", "false"));
		assertThat(navSlugs()).contains(slug);

		// every step is in the audit log, named in the admin's language
		Document audit = admin.page("/admin/audit?action=settings.change").html();
		assertThat(audit.select("tr[data-action=settings.change] [data-reason]").eachAttr("data-reason"))
			.contains("channel.add", "channel.rename", "channel.move", "channel.hide");
		assertThat(audit.select("tr[data-action=settings.change]").text()).contains("添加频道")
			.contains("频道改名")
			.doesNotContain("channel.add");
		// others are refused
		Browser reviewer = signIn(account("审核员", Role.REVIEWER));
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
