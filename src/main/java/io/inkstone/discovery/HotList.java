package io.inkstone.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.engagement.ArticleEngaged;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.similarity.SimHash;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.InkstoneProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 热点推荐: articles ranked by forward-decayed engagement. Every article also gets one
 * publish signal at its publish time (weight {@code inkstone.hot.publish-weight}), so a
 * site without readers yet still shows its freshest work, and fresh work competes fairly
 * with old favourites. Rankings are recomputed from the in-memory scores every two
 * seconds; readers see a snapshot, never a lock.
 */
@Service
public class HotList {

	static final int CANDIDATES = 400;

	/** Length of a channel's own list. */
	static final int PER_CHANNEL = 50;

	private final Articles articles;

	private final ArticleCards cards;

	private final Channels channels;

	private final ForwardDecay decay;

	private final InkstoneProperties.Hot config;

	/**
	 * Engagement log-scores (without the publish prior): this node's memory, or Redis in
	 * cluster mode.
	 */
	private final HotScores scores;

	/** The engaged scores the current rankings were computed from. */
	private volatile Map<Long, HotScores.Score> engaged = Map.of();

	private volatile List<Long> siteRanking = List.of();

	private volatile Map<Long, List<Long>> channelRankings = Map.of();

	private volatile int version;

	/**
	 * The rankings at the end of the previous hour (this node's memory): the 热榜 page's
	 * trends compare with them.
	 */
	private volatile List<Long> previousSite = List.of();

	private volatile Map<Long, List<Long>> previousChannels = Map.of();

	private volatile boolean previousKnown;

	private long rankingHour = Long.MIN_VALUE;

	private static final long HOUR_MS = 3_600_000L;

	private final HotOverrides overrides;

	private final OriginalityEngine originality;

	private final Map<Long, ForwardDecay> decays = new ConcurrentHashMap<>();

	private final Clock clock;

	HotList(Articles articles, ArticleCards cards, HotScores scores, Channels channels, InkstoneProperties properties,
			HotOverrides overrides, OriginalityEngine originality, Clock clock) {
		this.clock = clock;
		this.originality = originality;
		this.overrides = overrides;
		this.articles = articles;
		this.cards = cards;
		this.scores = scores;
		this.channels = channels;
		this.config = properties.hot();
		this.decay = new ForwardDecay(config.halfLife());
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		refresh();
	}

	@EventListener
	void on(ArticleEngaged event) {
		double weight = switch (event.signal()) {
			case READ -> config.readWeight();
			case SHARE -> config.shareWeight();
			case LIKE -> config.likeWeight();
		};
		if (weight <= 0) {
			return;
		}
		scores.add(event.articleId(), event.channelId(), decayFor(event.channelId()).logWeight(weight, event.at()));
	}

	/**
	 * Site-wide hot list, excluding the given article ids, at most {@code size} items, no
	 * repeats.
	 */
	public List<ArticleCard> site(int size, Set<Long> exclude) {
		return items(siteRanking, size, exclude);
	}

	/** One channel's hot list. */
	public List<ArticleCard> channel(long channelId, int size, Set<Long> exclude) {
		return items(channelRankings.getOrDefault(channelId, List.of()), size, exclude);
	}

	public List<ArticleCard> site(int size) {
		return site(size, Set.of());
	}

	/**
	 * The score the ranking uses, as a plain number at {@code now} (for the disclosure
	 * page and tests).
	 */
	double score(ArticleSummary article, long now) {
		return decayFor(article.channelId()).valueAt(logScore(article), now);
	}

	private double logScore(ArticleSummary article) {
		return logScore(article, engaged, config.publishWeight(), decayFor(article.channelId()));
	}

	/**
	 * An article's forward-decay score: its publish signal plus its engagement (both in
	 * its channel's decay).
	 */
	static double logScore(ArticleSummary article, Map<Long, HotScores.Score> engaged, double publishWeight,
			ForwardDecay decay) {
		double prior = publishWeight > 0 ? decay.logWeight(publishWeight, article.publishedAt())
				: Double.NEGATIVE_INFINITY;
		HotScores.Score row = engaged.get(article.id());
		return row == null ? prior : ForwardDecay.logAdd(prior, row.logScore());
	}

	/**
	 * Candidates ordered by their value now, strongest first (newer first among equals).
	 * Compared by current value, not raw score, so channels with different half-lives
	 * rank fairly against each other.
	 */
	static List<ArticleSummary> byValueNow(Collection<ArticleSummary> candidates, Map<Long, HotScores.Score> engaged,
			double publishWeight, LongFunction<ForwardDecay> decayFor, long now) {
		Map<Long, Double> values = new HashMap<>();
		for (ArticleSummary a : candidates) {
			ForwardDecay decay = decayFor.apply(a.channelId());
			values.put(a.id(), decay.logValueAt(logScore(a, engaged, publishWeight, decay), now));
		}
		List<ArticleSummary> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingDouble((ArticleSummary a) -> values.get(a.id()))
			.reversed()
			.thenComparing(ArticleSummary::id, Comparator.reverseOrder()));
		return ranked;
	}

	private List<ArticleCard> items(List<Long> ranking, int size, Set<Long> exclude) {
		List<Long> wanted = new ArrayList<>(size + exclude.size());
		for (Long id : ranking) {
			if (!exclude.contains(id)) {
				wanted.add(id);
				if (wanted.size() == size) {
					break;
				}
			}
		}
		return cards.of(articles.summaries(wanted));
	}

	/**
	 * Recomputes the rankings from engaged articles plus the freshest articles (their
	 * publish prior).
	 */
	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	synchronized void refresh() {
		long now = clock.millis();
		engaged = scores.top(CANDIDATES * 4, PER_CHANNEL, s -> decayFor(s.channelId()).logValueAt(s.logScore(), now));
		Set<Long> candidateIds = new LinkedHashSet<>(engaged.keySet());
		for (ArticleSummary fresh : articles.latest(Cursor.START, CANDIDATES).items()) {
			candidateIds.add(fresh.id());
		}
		for (Long channelId : articles.channelsWithContent(channels.all().stream().map(Channel::id).toList())) {
			for (ArticleSummary fresh : articles.latestInChannel(channelId, Cursor.START, 30).items()) {
				candidateIds.add(fresh.id());
			}
		}
		List<HotOverride> overrides = this.overrides.active();
		overrides.stream().filter(o -> o.action().equals("pin")).forEach(o -> candidateIds.add(o.articleId()));
		List<ArticleSummary> candidates = byValueNow(articles.summaries(candidateIds), engaged, config.publishWeight(),
				this::decayFor, now);
		candidates = applyOverrides(candidates, overrides);
		candidates = oneCopyPerStory(candidates);
		long hour = Math.floorDiv(now, HOUR_MS);
		if (hour != rankingHour) {
			if (rankingHour != Long.MIN_VALUE) {
				previousSite = siteRanking;
				previousChannels = channelRankings;
				previousKnown = true;
			}
			rankingHour = hour;
		}
		siteRanking = candidates.stream().map(ArticleSummary::id).limit(CANDIDATES).toList();
		Map<Long, List<Long>> perChannel = new HashMap<>();
		for (ArticleSummary a : candidates) {
			List<Long> list = perChannel.computeIfAbsent(a.channelId(), k -> new ArrayList<>());
			if (list.size() < PER_CHANNEL) {
				list.add(a.id());
			}
		}
		channelRankings = perChannel;
		version = Objects.hash(siteRanking, perChannel);
	}

	/**
	 * A story reposted by several creators appears once, as its highest-ranked copy:
	 * near-duplicates (by the originality engine's signatures) of an item already listed
	 * are dropped.
	 */
	private List<ArticleSummary> oneCopyPerStory(List<ArticleSummary> ranked) {
		List<ArticleSummary> kept = new ArrayList<>(ranked.size());
		List<long[]> keptSignatures = new ArrayList<>();
		for (ArticleSummary candidate : ranked) {
			long[] signature = originality.signatureOf(candidate.id());
			if (signature == null || keptSignatures.stream()
				.noneMatch(k -> SimHash.distance(k, signature) <= OriginalityEngine.NEAR_DUPLICATE_BITS)) {
				kept.add(candidate);
				if (signature != null) {
					keptSignatures.add(signature);
				}
			}
		}
		return kept;
	}

	/** The decay of a channel: its configured half-life, or the site's. */
	ForwardDecay decayFor(long channelId) {
		return decays.computeIfAbsent(channelId, id -> {
			String slug = channels.all().stream().filter(c -> c.id() == id).map(Channel::slug).findFirst().orElse("");
			Duration halfLife = config.halfLifeOf(slug);
			return halfLife.equals(config.halfLife()) ? decay : new ForwardDecay(halfLife);
		});
	}

	/**
	 * Editors' interventions: pinned first (in pin order), removed dropped, demoted after
	 * everything else.
	 */
	static List<ArticleSummary> applyOverrides(List<ArticleSummary> ranked, List<HotOverride> overrides) {
		Map<Long, String> action = new HashMap<>();
		overrides.forEach(o -> action.put(o.articleId(), o.action()));
		Map<Long, ArticleSummary> byId = new HashMap<>();
		ranked.forEach(a -> byId.put(a.id(), a));
		List<ArticleSummary> result = new ArrayList<>();
		overrides.stream()
			.filter(o -> o.action().equals("pin") && byId.containsKey(o.articleId()))
			.forEach(o -> result.add(byId.get(o.articleId())));
		ranked.stream().filter(a -> !action.containsKey(a.id())).forEach(result::add);
		ranked.stream().filter(a -> "demote".equals(action.get(a.id()))).forEach(result::add);
		return result;
	}

	/**
	 * The 热榜 page: the site's list with rank, heat (the ranking score now, ×100, rounded)
	 * and the move since the previous hour's list.
	 */
	public List<HotEntry> siteEntries(int size) {
		return entries(site(size), previousSite);
	}

	/** One channel's 热榜 page. */
	public List<HotEntry> channelEntries(long channelId, int size) {
		return entries(channel(channelId, size, Set.of()), previousChannels.getOrDefault(channelId, List.of()));
	}

	private List<HotEntry> entries(List<ArticleCard> cards, List<Long> previous) {
		long now = clock.millis();
		List<HotEntry> result = new ArrayList<>(cards.size());
		for (int i = 0; i < cards.size(); i++) {
			ArticleCard card = cards.get(i);
			long heat = Math.max(1, Math.round(score(card.article(), now) * 100));
			result.add(new HotEntry(card, i + 1, heat,
					trend(i + 1, previous.indexOf(card.article().id()), previousKnown)));
		}
		return result;
	}

	/**
	 * How an item moved: {@code previousIndex} is its 0-based place in the previous list
	 * (-1: not on it); without a previous list (the first hour after a start) there is no
	 * trend.
	 */
	static HotEntry.Trend trend(int rank, int previousIndex, boolean previousKnown) {
		if (!previousKnown) {
			return new HotEntry.Trend("none", 0);
		}
		if (previousIndex < 0) {
			return new HotEntry.Trend("new", 0);
		}
		int change = (previousIndex + 1) - rank;
		return new HotEntry.Trend(change > 0 ? "up" : change < 0 ? "down" : "same", Math.abs(change));
	}

	/** Changes whenever a ranking changes: caches of rendered lists key on it. */
	public int version() {
		return version;
	}

}
