package io.inkstone.studio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.Articles;
import io.inkstone.articles.StudioRow;
import io.inkstone.accounts.Accounts;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.creators.Follower;
import io.inkstone.engagement.Counts;
import io.inkstone.engagement.Engagement;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.PlatformDays;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /studio/analytics}: reads, shares and new followers per day over 7, 30 or 90
 * days, and the follower list. Every number comes from the database tables the totals
 * come from (article_daily_stats, follows).
 */
@Controller
class StudioAnalyticsController {

	static final Set<Integer> PERIODS = Set.of(7, 30, 90);

	private final Articles articles;

	private final Creators creators;

	private final Engagement engagement;

	private final Accounts accounts;

	private final UiFactory ui;

	StudioAnalyticsController(Articles articles, Creators creators, Engagement engagement, Accounts accounts,
			UiFactory ui) {
		this.articles = articles;
		this.creators = creators;
		this.engagement = engagement;
		this.accounts = accounts;
		this.ui = ui;
	}

	@GetMapping("/studio/analytics")
	String analytics(@RequestParam(name = "days", defaultValue = "7") int days, HttpServletRequest request,
			Model model) {
		if (!PERIODS.contains(days)) {
			throw new BadRequestException("problem.articles.daysMustBe730Or");
		}
		Creator me = creators.signedIn();
		int fromDay = PlatformDays.of(PlatformDays.today().minusDays(days - 1));
		List<Long> ids = articles.ofCreator(me.id()).stream().map(StudioRow::id).toList();
		Map<Integer, Counts> daily = engagement.daily(ids, fromDay);
		Map<Integer, Long> reads = new HashMap<>();
		Map<Integer, Long> shares = new HashMap<>();
		daily.forEach((day, c) -> {
			reads.put(day, c.reads());
			shares.put(day, c.shares());
		});
		long since = PlatformDays.today()
			.minusDays(days - 1)
			.atStartOfDay(PlatformDays.zone())
			.toInstant()
			.toEpochMilli();
		List<Follower> followers = creators.followers(me.id(), 200);
		Map<Long, String> names = accounts
			.displayNames(followers.stream().flatMap(f -> f.accountId().stream()).toList());
		model.addAttribute("page", new StudioPages.Analytics(ui.of(request), List.of(), me, days,
				List.of(DailySeries.lastDays("reads", days, reads), DailySeries.lastDays("shares", days, shares),
						DailySeries.lastDays("followers", days, creators.newFollowersPerDay(me.id(), since))),
				followers.stream()
					.map(f -> new StudioPages.FollowerRow(f.accountId().map(names::get).orElse(null), f.createdAt()))
					.toList(),
				creators.followerCount(me.id())));
		return "studio/analytics";
	}

}
