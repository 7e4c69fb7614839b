package io.inkstone.settings;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.articles.LifecycleOutcome;
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
 * The operators' part of {@code /admin/settings} over real HTTP, once per database:
 * compliance duties switched on top of the profile (in effect at once, audited) and
 * channels merged (articles moved, old addresses 301, out of the strip, sitemaps and
 * feeds, audited, after a confirmation). Bad input is a 400 page with the field's message
 * and stores nothing; only admins may do either.
 */
@Import(SignedInRoles.class)
abstract class ConsoleSettingsContract {

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	JdbcClient jdbc;

	/** An approved creator's creator id. */
	long creator() {
		return roles.creator().creatorId();
	}

	long settingRows() {
		return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE name LIKE 'compliance.duty.%'")
			.query(Long.class)
			.single();
	}

	long audits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.change'").query(Long.class).single();
	}

	static Map<String, String> duties(Browser admin, Map<String, String> changes) {
		Document page = admin.page("/admin/settings").html();
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", admin.csrfToken());
		for (String field : List.of("preReviewNewCreators", "holdFlagged", "ipLocation", "orgDisclosure")) {
			form.put(field, page.selectFirst("input[name=" + field + "][checked]").val());
		}
		form.putAll(changes);
		return form;
	}

	String effective(Browser admin, String duty) {
		return admin.page("/admin/settings").html().selectFirst("[data-duty=" + duty + "]").attr("data-effective");
	}

	LifecycleOutcome publishWith(long creator, long channel, String word) {
		return articles.publish(
				articles.createDraft(creator,
						new Draft("说说" + word, "今天说说" + word + "，" + unique("正文"), channel, "", true, Aigc.NONE, null)),
				creator);
	}

	long channelId(String slug) {
		return jdbc.sql("SELECT id FROM channels WHERE slug = :s").param("s", slug).query(Long.class).single();
	}

	@Test
	void aDutyTurnedOnUnderTheMinimalProfileHoldsTheNextFlaggedArticleAtOnce() {
		Browser admin = roles.admin();
		long creator = creator();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		String word = unique("违禁");
		Document settings = admin.page("/admin/settings").html();
		String words = settings.selectFirst("textarea[name=words]").wholeText();
		assertThat(
				admin.post("/admin/settings/lists",
						Map.of("_csrf", admin.csrfToken(), "words", words + "\n" + word, "domains",
								settings.selectFirst("textarea[name=domains]").wholeText()))
					.statusCode())
			.isEqualTo(302);

		// minimal: the finding is recorded, the article goes live
		assertThat(settings.selectFirst("input[name=holdFlagged][value=profile]").hasAttr("checked")).isTrue();
		assertThat(effective(admin, "hold-flagged")).isEqualTo("false");
		assertThat(publishWith(creator, channel, word)).isInstanceOf(LifecycleOutcome.Published.class);

		// the admin turns the hold on: the very next one waits for a reviewer
		HttpResponse<String> on = admin.post("/admin/settings/duties", duties(admin, Map.of("holdFlagged", "on")));
		assertThat(on.statusCode()).isEqualTo(302);
		assertThat(on.headers().firstValue("Location").orElse("")).endsWith("?dutiesSaved#duties");
		Document saved = admin.page("/admin/settings?dutiesSaved").html();
		assertThat(saved.selectFirst("[data-testid=flash]").text()).contains("合规义务已保存");
		assertThat(saved.selectFirst("[data-duty=hold-flagged]").attr("data-effective")).isEqualTo("true");
		assertThat(saved.selectFirst("[data-duty=hold-flagged] [data-testid=duty-effective]").text())
			.contains("当前生效：开启");
		assertThat(publishWith(creator, channel, word)).isInstanceOf(LifecycleOutcome.HeldForReview.class);

		// off wins over a profile that holds, and "as the profile says" returns to it
		admin.post("/admin/settings", SettingsContract.generalForm(admin, Map.of("complianceProfile", "eu-dsa")));
		assertThat(admin.post("/admin/settings/duties", duties(admin, Map.of("holdFlagged", "off"))).statusCode())
			.isEqualTo(302);
		assertThat(publishWith(creator, channel, word)).isInstanceOf(LifecycleOutcome.Published.class);
		assertThat(admin.post("/admin/settings/duties", duties(admin, Map.of("holdFlagged", "profile"))).statusCode())
			.isEqualTo(302);
		assertThat(effective(admin, "hold-flagged")).isEqualTo("true");
		assertThat(publishWith(creator, channel, word)).isInstanceOf(LifecycleOutcome.HeldForReview.class);
		admin.post("/admin/settings", SettingsContract.generalForm(admin, Map.of("complianceProfile", "minimal")));
		assertThat(effective(admin, "hold-flagged")).isEqualTo("false");

		// audited: which duty, old → new
		assertThat(admin.page("/admin/audit?action=settings.change")
			.html()
			.select("tr[data-action=settings.change]")
			.text()).contains("compliance.duty.hold-flagged").contains("「profile」 → 「on」").contains("「on」 → 「off」");
		// the same choices again change nothing
		assertThat(admin.post("/admin/settings/duties", duties(admin, Map.of()))
			.headers()
			.firstValue("Location")
			.orElse("")).endsWith("?unchanged#duties");
	}

	@Test
	void badDutyChoicesAreRefusedWithTheFieldsMessageAndNothingIsStored() {
		Browser admin = roles.admin();
		long rows = settingRows();
		long audits = audits();
		for (Map<String, String> bad : List.of(Map.of("holdFlagged", "maybe"), Map.of("ipLocation", ""),
				Map.of("orgDisclosure", "ON"))) {
			HttpResponse<String> r = admin.post("/admin/settings/duties", duties(admin, bad));
			assertThat(r.statusCode()).as(bad.toString()).isEqualTo(400);
			String field = bad.keySet().iterator().next();
			assertThat(Jsoup.parse(r.body()).select("[data-field=" + field + "]").text()).as(bad.toString())
				.contains("按合规模式");
			FieldErrorTies.assertTiedTo(Jsoup.parse(r.body()), "input[name=" + field + "]", "field-error-" + field);
			assertThat(r.body()).doesNotContain("Exception");
		}
		Map<String, String> missing = duties(admin, Map.of("holdFlagged", "on"));
		missing.remove("preReviewNewCreators");
		HttpResponse<String> r = admin.post("/admin/settings/duties", missing);
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(r.body()).select("[data-field=preReviewNewCreators]").text()).isNotBlank();
		assertThat(settingRows()).isEqualTo(rows);
		assertThat(audits()).isEqualTo(audits);
		assertThat(effective(admin, "hold-flagged")).isEqualTo("false");
	}

	/** Two new channels; the first holds a published article and a draft. */
	record TwoChannels(Browser admin, String from, String into, long fromId, long intoId, String title, long article,
			long draft) {
	}

	TwoChannels twoChannels() {
		Browser admin = roles.admin();
		long creator = creator();
		String from = unique("from").toLowerCase(Locale.ROOT);
		String into = unique("into").toLowerCase(Locale.ROOT);
		for (String slug : List.of(from, into)) {
			assertThat(admin
				.post("/admin/settings/channels",
						Map.of("_csrf", admin.csrfToken(), "channelSlug", slug, "channelName", "频道" + slug))
				.statusCode()).isEqualTo(302);
		}
		long fromId = channelId(from);
		long intoId = channelId(into);
		String title = unique("合并前的文章");
		long article = articles.createDraft(creator,
				new Draft(title, unique("合并正文"), fromId, "", true, Aigc.NONE, null));
		assertThat(articles.publish(article, creator)).isInstanceOf(LifecycleOutcome.Published.class);
		long draft = articles.createDraft(creator,
				new Draft("草稿" + title, unique("草稿正文"), fromId, "", true, Aigc.NONE, null));
		Browser reader = new Browser(port);
		assertThat(reader.page("/channels/" + from).html().text()).contains(title);
		assertThat(reader.get("/channels/" + from + "/feed.xml").body()).contains(title);
		assertThat(navSlugs()).contains(from);
		return new TwoChannels(admin, from, into, fromId, intoId, title, article, draft);
	}

	/**
	 * Merges the first channel into the second, confirmed; answers where it redirects.
	 */
	static String confirmMerge(TwoChannels channels) {
		Browser admin = channels.admin();
		return admin
			.post("/admin/settings/channels/merge",
					Map.of("_csrf", admin.csrfToken(), "mergeFrom", Long.toString(channels.fromId()), "mergeInto",
							Long.toString(channels.intoId()), "confirm", "true"))
			.headers()
			.firstValue("Location")
			.orElse("");
	}

	@Test
	void theFirstMergePostOnlyAsksAndSaysWhatWillHappen() {
		TwoChannels channels = twoChannels();
		Browser admin = channels.admin();
		HttpResponse<String> ask = admin.post("/admin/settings/channels/merge", Map.of("_csrf", admin.csrfToken(),
				"mergeFrom", Long.toString(channels.fromId()), "mergeInto", Long.toString(channels.intoId())));
		assertThat(ask.statusCode()).isEqualTo(200);
		Document confirm = Jsoup.parse(ask.body());
		assertThat(confirm.select("[data-testid=merge-confirm]").text()).contains("频道" + channels.from())
			.contains("频道" + channels.into())
			.contains("2 篇");
		assertThat(articleChannel(channels.article())).isEqualTo(channels.fromId());
		assertThat(new Browser(port).get("/channels/" + channels.from()).statusCode()).isEqualTo(200);
	}

	@Test
	void aMergedChannelsArticlesMoveAndItsAddressesRedirect() {
		TwoChannels channels = twoChannels();
		String from = channels.from();
		String into = channels.into();
		assertThat(confirmMerge(channels)).endsWith("/admin/settings?merged#merge");
		assertThat(articleChannel(channels.article())).isEqualTo(channels.intoId());
		assertThat(articleChannel(channels.draft())).isEqualTo(channels.intoId());
		Browser reader = new Browser(port);
		for (String suffix : List.of("", "/feed.xml", "/hot")) {
			HttpResponse<String> moved = reader.get("/channels/" + from + suffix);
			assertThat(moved.statusCode()).as(suffix).isEqualTo(301);
			assertThat(moved.headers().firstValue("Location").orElse("")).as(suffix)
				.endsWith("/channels/" + into + suffix);
		}
		assertThat(reader.page("/channels/" + into).html().text()).contains(channels.title());
		assertThat(reader.get("/channels/" + into + "/feed.xml").body()).contains(channels.title());
	}

	@Test
	void aMergedChannelLeavesTheListsIsAuditedAndItsSlugStaysTaken() {
		TwoChannels channels = twoChannels();
		Browser admin = channels.admin();
		String from = channels.from();
		String into = channels.into();
		assertThat(confirmMerge(channels)).endsWith("/admin/settings?merged#merge");
		assertThat(navSlugs()).doesNotContain(from).contains(into);
		assertThat(new Browser(port).get("/sitemaps/channels.xml").body()).doesNotContain("/channels/" + from + "<")
			.contains("/channels/" + into);
		Document settings = admin.page("/admin/settings?merged").html();
		assertThat(settings.selectFirst("[data-testid=flash]").text()).contains("频道已合并");
		assertThat(settings.select("[data-testid=channels] li").eachAttr("data-channel")).doesNotContain(from);
		assertThat(settings.select("select[name=mergeFrom] option").eachAttr("value"))
			.doesNotContain(Long.toString(channels.fromId()));
		assertThat(admin.page("/admin/audit?action=settings.change")
			.html()
			.select("tr[data-action=settings.change] [data-reason=channel.merge]")
			.text()).contains("合并频道");
		assertThat(admin.page("/admin/audit?action=settings.change")
			.html()
			.select("tr[data-action=settings.change]")
			.text()).contains(from + " → " + into);
		// the merged slug stays taken
		assertThat(admin
			.post("/admin/settings/channels",
					Map.of("_csrf", admin.csrfToken(), "channelSlug", from, "channelName", "重新占用"))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aMergeIntoItselfAHiddenOrAMissingChannelIsRefusedAndNothingMoves() {
		Browser admin = roles.admin();
		String a = unique("ma").toLowerCase(Locale.ROOT);
		String hidden = unique("mh").toLowerCase(Locale.ROOT);
		for (String slug : List.of(a, hidden)) {
			admin.post("/admin/settings/channels",
					Map.of("_csrf", admin.csrfToken(), "channelSlug", slug, "channelName", "频道" + slug));
		}
		long aId = channelId(a);
		long hiddenId = channelId(hidden);
		admin.post("/admin/settings/channels/" + hiddenId + "/visibility",
				Map.of("_csrf", admin.csrfToken(), "hidden", "true"));
		long audits = audits();
		record Bad(String from, String into, String field, String message) {
		}
		for (Bad bad : List.of(new Bad(Long.toString(aId), Long.toString(aId), "mergeInto", "并入它自己"),
				new Bad(Long.toString(aId), Long.toString(hiddenId), "mergeInto", "隐藏的频道"),
				new Bad(Long.toString(aId), "999999", "mergeInto", "存在的目标频道"),
				new Bad("999999", Long.toString(aId), "mergeFrom", "存在的频道"),
				new Bad("", Long.toString(aId), "mergeFrom", "存在的频道"),
				new Bad(Long.toString(aId), "abc", "mergeInto", "无效"))) {
			for (String confirm : List.of("false", "true")) {
				HttpResponse<String> r = admin.post("/admin/settings/channels/merge", Map.of("_csrf", admin.csrfToken(),
						"mergeFrom", bad.from(), "mergeInto", bad.into(), "confirm", confirm));
				assertThat(r.statusCode()).as(bad.toString()).isEqualTo(400);
				assertThat(Jsoup.parse(r.body()).select("[data-field=" + bad.field() + "]").text()).as(bad.toString())
					.contains(bad.message());
				assertThat(Jsoup.parse(r.body()).select("[data-testid=merge-confirm]")).isEmpty();
			}
		}
		assertThat(audits()).isEqualTo(audits);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM channels WHERE merged_into IS NOT NULL AND id IN (:a, :h)")
			.param("a", aId)
			.param("h", hiddenId)
			.query(Long.class)
			.single()).isZero();
		assertThat(new Browser(port).get("/channels/" + a).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAdminsSwitchDutiesOrMergeChannels() {
		Browser admin = roles.admin();
		String a = unique("oa").toLowerCase(Locale.ROOT);
		String b = unique("ob").toLowerCase(Locale.ROOT);
		for (String slug : List.of(a, b)) {
			admin.post("/admin/settings/channels",
					Map.of("_csrf", admin.csrfToken(), "channelSlug", slug, "channelName", "频道" + slug));
		}
		long rows = settingRows();
		Map<String, String> merge = Map.of("mergeFrom", Long.toString(channelId(a)), "mergeInto",
				Long.toString(channelId(b)), "confirm", "true");
		Browser reader = roles.reader();
		Browser reviewer = roles.reviewer();
		Browser creatorBrowser = roles.creator().signIn();
		for (Browser someone : List.of(reader, reviewer, creatorBrowser)) {
			Map<String, String> form = new HashMap<>(merge);
			form.put("_csrf", someone.csrfToken());
			assertThat(someone.post("/admin/settings/channels/merge", form).statusCode()).isEqualTo(403);
			assertThat(someone
				.post("/admin/settings/duties", Map.of("_csrf", someone.csrfToken(), "preReviewNewCreators", "on",
						"holdFlagged", "on", "ipLocation", "on", "orgDisclosure", "on"))
				.statusCode()).isEqualTo(403);
		}
		Browser anonymous = new Browser(port);
		assertThat(anonymous.post("/admin/settings/channels/merge", merge).statusCode()).isIn(302, 403);
		// an admin without the token is refused too (CSRF)
		Map<String, String> noToken = new HashMap<>(merge);
		noToken.put("_csrf", "x");
		assertThat(admin.post("/admin/settings/channels/merge", noToken).statusCode()).isEqualTo(403);
		assertThat(settingRows()).isEqualTo(rows);
		assertThat(new Browser(port).get("/channels/" + a).statusCode()).isEqualTo(200);
	}

	long articleChannel(long id) {
		return jdbc.sql("SELECT channel_id FROM articles WHERE id = :id").param("id", id).query(Long.class).single();
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
