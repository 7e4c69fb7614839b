package io.inkstone.studio;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.engagement.Engagement;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PlatformDays;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import io.inkstone.support.SignedInRoles.Creator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.SignedInRoles.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creator analytics over real HTTP (issue 17): the read beacon counts a read under where
 * it came from (category, and the referring host only) once per reader and day; one
 * article's trend page and CSV for its creator and staff only; the CSVs in the site's
 * time zone, drafts without a publication time. Runs once per database.
 */
@Import(SignedInRoles.class)
abstract class StudioAnalyticsContract {

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	Engagement engagement;

	@Autowired
	JdbcClient jdbc;

	long publish(Creator owner, String title) {
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		return articles
			.importBatch(List.of(new NewArticle(unique("k"), owner.creatorId(), channel, title, "正文。" + title, "", true,
					Aigc.NONE, null, System.currentTimeMillis() - 3_600_000L)))
			.values()
			.iterator()
			.next();
	}

	/** The read beacon as the article page's script sends it. */
	boolean beacon(Browser reader, long article, Map<String, String> origin) {
		HttpResponse<String> r = reader.post("/articles/" + article + "/view", origin, "application/json");
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body().contains("\"counted\":true");
	}

	Map<String, Long> sourceRows(long article) {
		Map<String, Long> rows = new HashMap<>();
		jdbc.sql("SELECT source, host, reads FROM article_read_sources WHERE article_id = :a")
			.param("a", article)
			.query((rs, n) -> rows.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)))
			.list();
		return rows;
	}

	@Test
	void aReadCountsUnderWhereItCameFromOncePerReaderAndDayKeepingOnlyTheHost() {
		Creator owner = roles.creator("来源作者");
		long article = publish(owner, "来源测试");

		Browser fromBaidu = new Browser(port);
		assertThat(beacon(fromBaidu, article, Map.of("ref", "www.baidu.com"))).isTrue();
		// the same reader again today, from elsewhere: neither a second read nor a second
		// source
		assertThat(beacon(fromBaidu, article, Map.of("ref", "weibo.com"))).isFalse();
		assertThat(beacon(new Browser(port), article, Map.of("ref", "news.qq.com"))).isTrue();
		assertThat(beacon(new Browser(port), article, Map.of())).isTrue();
		assertThat(beacon(new Browser(port), article, Map.of("via", "rss"))).isTrue();
		assertThat(beacon(new Browser(port), article, Map.of("ref", "localhost"))).isTrue();
		// a whole URL is not a host: counted, as direct, and nothing of it is kept
		assertThat(beacon(new Browser(port), article, Map.of("ref", "https://www.baidu.com/s?wd=名字"))).isTrue();
		// the no-script beacon's Referer is the article page (here a search engine's, to
		// show it is not believed): direct
		assertThat(new Browser(port).get("/articles/" + article + "/view.gif", "Referer", "https://www.google.com/")
			.statusCode()).isEqualTo(200);
		engagement.flush();

		assertThat(sourceRows(article)).containsExactlyInAnyOrderEntriesOf(
				Map.of("search/baidu.com", 1L, "other/news.qq.com", 1L, "direct/", 3L, "feed/", 1L, "internal/", 1L));
		long reads = jdbc.sql("SELECT SUM(reads) FROM article_daily_stats WHERE article_id = :a")
			.param("a", article)
			.query(Long.class)
			.single();
		assertThat(reads).isEqualTo(7);

		Browser creator = owner.signIn();
		Document site = creator.page("/studio/analytics?days=7").html();
		assertThat(site.selectFirst("[data-testid=read-sources]").attr("data-total")).isEqualTo("7");
		assertThat(site.selectFirst("[data-testid=read-sources] tr[data-source=direct] .value").text()).isEqualTo("3");
		assertThat(site.selectFirst("[data-testid=read-sources] tr[data-source=search] .value").text()).isEqualTo("1");
		assertThat(site.select("[data-testid=referrers] tr[data-host]").eachAttr("data-host"))
			.containsExactlyInAnyOrder("baidu.com", "news.qq.com");
		assertThat(site.select("[data-testid=analytics-articles] a[href^=/studio/analytics/articles/" + article + "]"))
			.hasSize(1);
		Document one = creator.page("/studio/analytics/articles/" + article).html();
		assertThat(one.selectFirst("[data-testid=chart-reads]").attr("data-total")).isEqualTo("7");
		assertThat(one.selectFirst("[data-testid=read-sources] tr[data-source=feed] .value").text()).isEqualTo("1");
		assertThat(one.selectFirst("[data-testid=read-sources] tr[data-source=internal] .value").text()).isEqualTo("1");
	}

	@Test
	void oneArticlesTrendIsForItsCreatorAndStaffOnly() {
		Creator owner = roles.creator("趋势作者");
		long article = publish(owner, "趋势测试");
		String page = "/studio/analytics/articles/" + article;
		Browser creator = owner.signIn();
		Document mine = creator.page(page + "?days=7").html();
		assertThat(mine.select("figure.chart").eachAttr("data-testid")).containsExactly("chart-reads", "chart-shares",
				"chart-likes", "chart-comments");
		// nothing yet: every chart says so instead of drawing a flat line
		assertThat(mine.select("[data-testid=chart-empty]")).hasSize(4);
		assertThat(mine.select("svg")).isEmpty();
		assertThat(mine.select("[data-testid=sources-empty]")).hasSize(1);

		Browser admin = roles.admin();
		Browser reviewer = roles.reviewer();
		Browser otherCreator = roles.creator("别的作者").signIn();
		Browser reader = roles.reader();
		Browser anonymous = new Browser(port);
		for (String path : List.of(page, page + ".csv")) {
			assertThat(creator.get(path).statusCode()).as(path).isEqualTo(200);
			assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
			assertThat(reviewer.get(path).statusCode()).as(path).isEqualTo(200);
			assertThat(otherCreator.get(path).statusCode()).as(path).isEqualTo(404);
			assertThat(reader.get(path).statusCode()).as(path).isEqualTo(403);
			assertThat(anonymous.get(path).headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
		}
		assertThat(creator.get(page + "?days=8").statusCode()).isEqualTo(400);
		assertThat(creator.get(page + ".csv?days=1000").statusCode()).isEqualTo(400);
		assertThat(creator.get("/studio/analytics/articles/" + (article + 999_999)).statusCode()).isEqualTo(404);
		assertThat(admin.page(page).html().select("[data-testid=article-analytics] a[href=/admin]")).hasSize(1);
	}

	@Test
	void csvsAreInTheSiteTimeZoneAndDraftsHaveNoPublicationTime() {
		Creator owner = roles.creator("表格作者");
		long live = publish(owner, "已发表的文章");
		long draft = publish(owner, "还是草稿的文章");
		jdbc.sql("UPDATE articles SET status = 'draft' WHERE id = :id").param("id", draft).update();
		long scheduled = publish(owner, "定时发布的文章");
		long due = System.currentTimeMillis() + Duration.ofDays(2).toMillis();
		jdbc.sql("UPDATE articles SET status = 'draft', publish_at = :at WHERE id = :id")
			.param("at", due)
			.param("id", scheduled)
			.update();
		long now = System.currentTimeMillis();
		jdbc.sql("INSERT INTO article_likes (article_id, reader_key, created_at) VALUES (:a, 'r1', :t), (:a, 'r2', :t)")
			.param("a", live)
			.param("t", now)
			.update();
		long commenter = roles.account("评论者", Role.READER);
		jdbc.sql("INSERT INTO comments (id, article_id, parent_id, account_id, author_name, body, status, created_at)"
				+ " VALUES (:id, :a, NULL, :who, '评论者', '写得好', 'visible', :t)")
			.param("id", Ids.next())
			.param("a", live)
			.param("who", commenter)
			.param("t", now)
			.update();
		assertThat(beacon(new Browser(port), live, Map.of("ref", "cn.bing.com"))).isTrue();
		engagement.flush();
		Browser creator = owner.signIn();

		String stats = creator.get("/studio/stats.csv").body();
		long publishedAt = jdbc.sql("SELECT published_at FROM articles WHERE id = :id")
			.param("id", live)
			.query(Long.class)
			.single();
		String expected = Instant.ofEpochMilli(publishedAt)
			.atZone(PlatformDays.zone())
			.toOffsetDateTime()
			.truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		assertThat(line(stats, live)).contains(",published," + expected + ",");
		assertThat(line(stats, draft)).contains(",draft,,");
		assertThat(line(stats, scheduled)).contains(",scheduled," + Instant.ofEpochMilli(due)
			.atZone(PlatformDays.zone())
			.toOffsetDateTime()
			.truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ",");

		String daily = creator.get("/studio/analytics/articles/" + live + ".csv?days=7").body();
		String[] lines = daily.split("\n");
		assertThat(lines[0]).isEqualTo("\uFEFFdate_" + PlatformDays.zone().getId()
				+ ",reads,shares,likes,comments,reads_direct,reads_search,reads_feed,reads_internal,reads_other");
		assertThat(lines).hasSize(8);
		LocalDate today = LocalDate.now(PlatformDays.zone());
		assertThat(lines[1]).startsWith(today.minusDays(6) + ",");
		assertThat(lines[7]).isEqualTo(today + ",1,0,2,1,0,1,0,0,0");
		String site = creator.get("/studio/analytics.csv?days=7").body();
		assertThat(site.split("\n")[0]).isEqualTo("\uFEFFdate_" + PlatformDays.zone().getId()
				+ ",reads,shares,followers,reads_direct,reads_search,reads_feed,reads_internal,reads_other");
		assertThat(site.split("\n")[7]).isEqualTo(today + ",1,0,0,0,1,0,0,0");
	}

	private static String line(String csv, long id) {
		return csv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
	}

}
