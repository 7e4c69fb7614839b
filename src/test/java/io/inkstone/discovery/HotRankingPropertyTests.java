package io.inkstone.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole hot lists, site-wide and per channel, with channels of different half-lives, must
 * equal a brute-force recomputation: every signal's weight decayed exponentially from its
 * time to now, summed per article, over every article. The production path is used end to
 * end: signals folded into a {@link HotScores} store (memory, or Redis sorted sets), its
 * candidate selection, the fresh-article candidates, then {@link HotList#byValueNow}.
 * Many more articles are engaged than the candidate limit, so a selection by raw score
 * (which favours short half-lives) would fail.
 */
class HotRankingPropertyTests {

	/** Channel id → half-life: news-like, daily, and lesson-like channels. */
	private static final Map<Long, Duration> HALF_LIVES = Map.of(1L, Duration.ofHours(3), 2L, Duration.ofHours(24), 3L,
			Duration.ofHours(72));

	private static final double PUBLISH_WEIGHT = 2.0;

	private static final int ARTICLES = 5_000;

	private final Map<Long, ForwardDecay> decays = new HashMap<>();

	private ForwardDecay decayFor(long channelId) {
		return decays.computeIfAbsent(channelId, c -> new ForwardDecay(HALF_LIVES.get(c)));
	}

	record Signal(long articleId, double weight, long at) {
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
	void inMemoryRankingsEqualBruteForce(int seed) {
		assertRankingsEqualBruteForce(seed, new LocalHotScores(null, null, Clock.systemUTC()));
	}

	@Test
	void redisRankingsEqualBruteForce() {
		Databases.requireRedis();
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connections.afterPropertiesSet();
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		String prefix = "inkstone-test-" + UUID.randomUUID() + ":";
		InkstoneProperties properties = new InkstoneProperties(Databases.freshDataDir(), "test", null, null, null, null,
				null, false, InkstoneProperties.Mode.CLUSTER,
				new InkstoneProperties.Redis("redis://127.0.0.1:6379", prefix), null);
		try {
			assertRankingsEqualBruteForce(21, new RedisHotScores(redis, null, null, properties, Clock.systemUTC()));
		}
		finally {
			Set<String> keys = redis.keys(prefix + "*");
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
			connections.destroy();
		}
	}

	private void assertRankingsEqualBruteForce(int seed, HotScores store) {
		Random random = new Random(seed);
		long now = ForwardDecay.LANDMARK + Duration.ofDays(700).toMillis() + random.nextInt(86_400_000);
		List<ArticleSummary> articles = new ArrayList<>();
		for (long id = 1; id <= ARTICLES; id++) {
			long channel = 1 + random.nextInt(HALF_LIVES.size());
			long publishedAt = now - (long) (random.nextDouble() * Duration.ofDays(10).toMillis());
			articles.add(new ArticleSummary(id, "t" + id, "", id % 97, channel, publishedAt, false, null, null));
		}
		Map<Long, ArticleSummary> byId = new HashMap<>();
		articles.forEach(a -> byId.put(a.id(), a));
		List<Signal> signals = new ArrayList<>();
		for (int i = 0; i < 40_000; i++) {
			// skewed popularity: a few articles draw most signals, every article can draw
			// some
			long id = 1 + (long) (ARTICLES * Math.pow(random.nextDouble(), 2));
			ArticleSummary a = byId.get(id);
			long at = a.publishedAt() + (long) (random.nextDouble() * (now - a.publishedAt()));
			signals.add(new Signal(id, new double[] { 1, 3, 5 }[random.nextInt(3)] * (0.5 + random.nextDouble()), at));
		}
		for (Signal s : signals) {
			ArticleSummary a = byId.get(s.articleId());
			store.add(a.id(), a.channelId(), decayFor(a.channelId()).logWeight(s.weight(), s.at()));
		}

		// production path: the store's candidates plus the freshest articles, ranked by
		// value now
		Map<Long, HotScores.Score> engaged = store.top(HotList.CANDIDATES * 4, HotList.PER_CHANNEL,
				s -> decayFor(s.channelId()).logValueAt(s.logScore(), now));
		Set<Long> candidateIds = new LinkedHashSet<>(engaged.keySet());
		Comparator<ArticleSummary> newest = Comparator.comparingLong(ArticleSummary::publishedAt).reversed();
		articles.stream().sorted(newest).limit(HotList.CANDIDATES).forEach(a -> candidateIds.add(a.id()));
		for (long channel : HALF_LIVES.keySet()) {
			articles.stream()
				.filter(a -> a.channelId() == channel)
				.sorted(newest)
				.limit(30)
				.forEach(a -> candidateIds.add(a.id()));
		}
		List<ArticleSummary> ranked = HotList.byValueNow(candidateIds.stream().map(byId::get).toList(), engaged,
				PUBLISH_WEIGHT, this::decayFor, now);

		// brute force: every article, every signal, decayed to now in the linear domain
		Map<Long, Double> value = new HashMap<>();
		for (ArticleSummary a : articles) {
			value.put(a.id(), PUBLISH_WEIGHT * decayed(a.channelId(), now - a.publishedAt()));
		}
		for (Signal s : signals) {
			value.merge(s.articleId(), s.weight() * decayed(byId.get(s.articleId()).channelId(), now - s.at()),
					Double::sum);
		}
		List<ArticleSummary> brute = new ArrayList<>(articles);
		brute.sort(Comparator.comparingDouble((ArticleSummary a) -> value.get(a.id()))
			.reversed()
			.thenComparing(ArticleSummary::id, Comparator.reverseOrder()));

		assertThat(ids(ranked, 0, 100)).as("site-wide top 100").isEqualTo(ids(brute, 0, 100));
		for (long channel : HALF_LIVES.keySet()) {
			assertThat(ids(inChannel(ranked, channel), 0, HotList.PER_CHANNEL)).as("channel %d", channel)
				.isEqualTo(ids(inChannel(brute, channel), 0, HotList.PER_CHANNEL));
		}
		// the mix is real: the long half-life channel places items in the site-wide top
		// 100
		assertThat(ids(ranked, 0, 100).stream().filter(id -> byId.get(id).channelId() == 3L)).isNotEmpty();
	}

	private static double decayed(long channelId, long ageMillis) {
		return Math.exp(-Math.log(2) * ageMillis / HALF_LIVES.get(channelId).toMillis());
	}

	private static List<ArticleSummary> inChannel(List<ArticleSummary> ranked, long channel) {
		return ranked.stream().filter(a -> a.channelId() == channel).toList();
	}

	private static List<Long> ids(List<ArticleSummary> ranked, int from, int to) {
		return ranked.subList(from, Math.min(to, ranked.size())).stream().map(ArticleSummary::id).toList();
	}

}
