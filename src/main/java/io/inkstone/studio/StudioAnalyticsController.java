package io.inkstone.studio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.accounts.Accounts;
import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.articles.StudioRow;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.creators.Follower;
import io.inkstone.engagement.Comments;
import io.inkstone.engagement.Counts;
import io.inkstone.engagement.Engagement;
import io.inkstone.engagement.ReadSource;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PlatformDays;
import io.inkstone.shared.SignedIn;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /studio/analytics}: reads, shares and new followers per day over 7, 30 or 90
 * days, where readers came from, and the follower list;
 * {@code /studio/analytics/articles/{id}}: one article's reads, shares, likes and
 * comments per day and its sources, for its creator and for staff (anyone else: 404).
 * Both as CSV too. Every number comes from the tables the totals come from
 * (article_daily_stats, article_read_sources, article_likes, comments, follows); days are
 * calendar days in the site's time zone.
 */
@Controller
class StudioAnalyticsController {

	static final Set<Integer> PERIODS = Set.of(7, 30, 90);

	/** Referring hosts listed under the sources. */
	static final int TOP_REFERRERS = 10;

	private final Articles articles;

	private final Creators creators;

	private final Engagement engagement;

	private final Comments comments;

	private final Accounts accounts;

	private final Clock clock;

	StudioAnalyticsController(Articles articles, Creators creators, Engagement engagement, Comments comments,
			Accounts accounts, Clock clock) {
		this.clock = clock;
		this.articles = articles;
		this.creators = creators;
		this.engagement = engagement;
		this.comments = comments;
		this.accounts = accounts;
	}

	private static void checkPeriod(int days) {
		if (!PERIODS.contains(days)) {
			throw new BadRequestException("problem.articles.daysMustBe730Or");
		}
	}

	/** Today in the platform's time zone. */
	private LocalDate today() {
		return LocalDate.now(clock.withZone(PlatformDays.zone()));
	}

	private int fromDay(int days) {
		return PlatformDays.of(today().minusDays(days - 1));
	}

	private long since(int days) {
		return today().minusDays(days - 1).atStartOfDay(PlatformDays.zone()).toInstant().toEpochMilli();
	}

	@GetMapping("/studio/analytics")
	String analytics(@RequestParam(name = "days", defaultValue = "7") int days, Model model) {
		checkPeriod(days);
		Creator me = creators.signedIn();
		List<StudioRow> rows = articles.ofCreator(me.id());
		List<Long> ids = rows.stream().map(StudioRow::id).toList();
		int fromDay = fromDay(days);
		List<Follower> followers = creators.followers(me.id(), 200);
		Map<Long, String> names = accounts
			.displayNames(followers.stream().flatMap(f -> f.accountId().stream()).toList());
		Map<Long, Counts> counts = engagement.counts(ids);
		List<StudioPages.Stats> perArticle = rows.stream().map(r -> {
			Counts c = counts.getOrDefault(r.id(), Counts.ZERO);
			return new StudioPages.Stats(r, c.reads(), c.shares(), comments.articleLikes(r.id()),
					comments.count(r.id()));
		}).toList();
		model.addAttribute("page",
				new StudioPages.Analytics(me, days, creatorSeries(me, ids, days), followers.stream()
					.map(f -> new StudioPages.FollowerRow(f.accountId().map(names::get).orElse(null), f.createdAt()))
					.toList(), creators.followerCount(me.id()),
						StudioPages.SourceRow.of(engagement.readSources(ids, fromDay)),
						engagement.topReferrers(ids, fromDay, TOP_REFERRERS), perArticle, PlatformDays.zone().getId()));
		return "studio/analytics";
	}

	private List<DailySeries> creatorSeries(Creator me, List<Long> ids, int days) {
		Map<Integer, Counts> daily = engagement.daily(ids, fromDay(days));
		Map<Integer, Long> reads = new HashMap<>();
		Map<Integer, Long> shares = new HashMap<>();
		daily.forEach((day, c) -> {
			reads.put(day, c.reads());
			shares.put(day, c.shares());
		});
		return List.of(DailySeries.lastDays("reads", today(), days, reads),
				DailySeries.lastDays("shares", today(), days, shares),
				DailySeries.lastDays("followers", today(), days, creators.newFollowersPerDay(me.id(), since(days))));
	}

	/**
	 * One article's trend: its creator, or staff (admins and reviewers); anyone else gets
	 * 404, as for any article that is not theirs.
	 */
	@GetMapping("/studio/analytics/articles/{id}")
	String article(@PathVariable long id, @RequestParam(name = "days", defaultValue = "30") int days, Model model) {
		checkPeriod(days);
		Article article = visible(id);
		int fromDay = fromDay(days);
		List<Long> ids = List.of(id);
		model.addAttribute("page",
				new StudioPages.ArticleAnalytics(id, article.title(), article.status().dbValue(), own(article), days,
						articleSeries(id, days), StudioPages.SourceRow.of(engagement.readSources(ids, fromDay)),
						engagement.topReferrers(ids, fromDay, TOP_REFERRERS), PlatformDays.zone().getId()));
		return "studio/article-analytics";
	}

	private List<DailySeries> articleSeries(long id, int days) {
		List<Long> ids = List.of(id);
		Map<Integer, Long> reads = new HashMap<>();
		Map<Integer, Long> shares = new HashMap<>();
		engagement.daily(ids, fromDay(days)).forEach((day, c) -> {
			reads.put(day, c.reads());
			shares.put(day, c.shares());
		});
		return List.of(DailySeries.lastDays("reads", today(), days, reads),
				DailySeries.lastDays("shares", today(), days, shares),
				DailySeries.lastDays("likes", today(), days, comments.likesPerDay(ids, since(days))),
				DailySeries.lastDays("comments", today(), days, comments.commentsPerDay(ids, since(days))));
	}

	private Article visible(long id) {
		SignedIn me = SignedIn.current().orElseThrow(() -> new NotFoundException("problem.articles.noSuchArticle"));
		Article article = articles.find(id).orElseThrow(() -> new NotFoundException("problem.articles.noSuchArticle"));
		if (me.canReview() || own(article)) {
			return article;
		}
		throw new NotFoundException("problem.articles.noSuchArticle");
	}

	private boolean own(Article article) {
		return SignedIn.current()
			.flatMap(a -> creators.ofAccount(a.accountId()))
			.map(c -> c.id() == article.creatorId())
			.orElse(false);
	}

	/**
	 * The creator's days as CSV: one row per day (site time zone) with reads, shares, new
	 * followers and reads per source.
	 */
	@GetMapping(value = "/studio/analytics.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "days", defaultValue = "30") int days) {
		checkPeriod(days);
		Creator me = creators.signedIn();
		List<Long> ids = articles.ofCreator(me.id()).stream().map(StudioRow::id).toList();
		List<DailySeries> series = creatorSeries(me, ids, days);
		return csv("inkstone-analytics-" + days + "d.csv", series, engagement.dailyReadSources(ids, fromDay(days)));
	}

	/** One article's days as CSV: reads, shares, likes, comments and reads per source. */
	@GetMapping(value = "/studio/analytics/articles/{id}.csv", produces = "text/csv")
	ResponseEntity<byte[]> articleCsv(@PathVariable long id,
			@RequestParam(name = "days", defaultValue = "30") int days) {
		checkPeriod(days);
		visible(id);
		return csv("inkstone-article-" + id + "-" + days + "d.csv", articleSeries(id, days),
				engagement.dailyReadSources(List.of(id), fromDay(days)));
	}

	/**
	 * UTF-8 with a BOM (spreadsheet programs then read Chinese correctly); the date
	 * column is the calendar day in the site's time zone, named in the header.
	 */
	static ResponseEntity<byte[]> csv(String filename, List<DailySeries> series,
			Map<Integer, Map<ReadSource, Long>> sources) {
		StringBuilder out = new StringBuilder("\uFEFFdate_").append(PlatformDays.zone().getId());
		for (DailySeries s : series) {
			out.append(',').append(s.name());
		}
		for (ReadSource source : ReadSource.values()) {
			out.append(",reads_").append(source.key());
		}
		out.append('\n');
		List<LocalDate> days = new ArrayList<>(series.get(0).points().stream().map(DailySeries.Point::day).toList());
		for (int i = 0; i < days.size(); i++) {
			out.append(days.get(i));
			for (DailySeries s : series) {
				out.append(',').append(s.points().get(i).value());
			}
			Map<ReadSource, Long> bySource = sources.getOrDefault(PlatformDays.of(days.get(i)), Map.of());
			for (ReadSource source : ReadSource.values()) {
				out.append(',').append(bySource.getOrDefault(source, 0L));
			}
			out.append('\n');
		}
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

}
