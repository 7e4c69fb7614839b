package io.inkstone.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.inkstone.shared.InkstoneProperties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster mode: one Redis sorted set of log-domain forward-decay scores shared by all nodes, so every
 * node ranks the same data. A Lua script adds in the log domain atomically (ln(e^a + e^b)); ZINCRBY
 * cannot. Scores are copied to {@code hot_scores} by one node at a time and reloaded if Redis loses
 * them (Redis here keeps nothing on disk). Signals that arrive while Redis is away are queued and
 * replayed.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisHotScores implements HotScores {

	private static final Logger log = LoggerFactory.getLogger(RedisHotScores.class);

	private static final DefaultRedisScript<String> LOG_ADD = new DefaultRedisScript<>("""
			local add = tonumber(ARGV[2])
			local old = redis.call('ZSCORE', KEYS[1], ARGV[1])
			local new = add
			if old then
			  old = tonumber(old)
			  local hi = math.max(old, add)
			  new = hi + math.log(1 + math.exp(-math.abs(old - add)))
			end
			redis.call('ZADD', KEYS[1], new, ARGV[1])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			return tostring(new)""", String.class);

	private static final int MAX_QUEUED = 1_000_000;

	private final StringRedisTemplate redis;

	private final HotScoreRepository repository;

	private final TransactionTemplate tx;

	private final String scoresKey;

	private final String channelsKey;

	private final ConcurrentLinkedQueue<Score> queued = new ConcurrentLinkedQueue<>();

	RedisHotScores(StringRedisTemplate redis, HotScoreRepository repository, TransactionTemplate tx,
			InkstoneProperties properties) {
		this.redis = redis;
		this.repository = repository;
		this.tx = tx;
		this.scoresKey = properties.redis().keyPrefix() + "hot:scores";
		this.channelsKey = properties.redis().keyPrefix() + "hot:channels";
	}

	@Override
	public void add(long articleId, long channelId, double logWeight) {
		try {
			redis.execute(LOG_ADD, List.of(scoresKey, channelsKey), Long.toString(articleId), Double.toString(logWeight),
					Long.toString(channelId));
		}
		catch (RuntimeException ex) {
			if (queued.size() < MAX_QUEUED) {
				queued.add(new Score(articleId, channelId, logWeight));
			}
		}
	}

	@Override
	public Map<Long, Score> top(int limit) {
		Map<Long, Score> top = new LinkedHashMap<>();
		try {
			Set<ZSetOperations.TypedTuple<String>> tuples = redis.opsForZSet().reverseRangeWithScores(scoresKey, 0, limit - 1);
			if (tuples == null || tuples.isEmpty()) {
				return top;
			}
			List<String> ids = tuples.stream().map(ZSetOperations.TypedTuple::getValue).toList();
			List<Object> channels = redis.opsForHash().multiGet(channelsKey, new ArrayList<>(ids));
			int i = 0;
			for (ZSetOperations.TypedTuple<String> tuple : tuples) {
				Object channel = channels.get(i++);
				long id = Long.parseLong(tuple.getValue());
				top.put(id, new Score(id, channel == null ? 0 : Long.parseLong(channel.toString()), tuple.getScore()));
			}
		}
		catch (RuntimeException ex) {
			log.debug("Hot scores unavailable: {}", ex.getMessage());
		}
		return top;
	}

	/** Reloads scores from the database when Redis has none (first start, or Redis lost its memory). */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	void reloadIfEmpty() {
		try {
			Long size = redis.opsForZSet().zCard(scoresKey);
			if (size != null && size > 0) {
				return;
			}
			for (Score row : repository.top(20_000)) {
				redis.opsForZSet().addIfAbsent(scoresKey, Long.toString(row.articleId()), row.logScore());
				redis.opsForHash().putIfAbsent(channelsKey, Long.toString(row.articleId()), Long.toString(row.channelId()));
			}
		}
		catch (RuntimeException ex) {
			log.debug("Hot scores not reloaded: {}", ex.getMessage());
		}
	}

	/** Replays signals queued while Redis was away. */
	@Scheduled(fixedDelay = 1000)
	void replay() {
		Score score;
		while ((score = queued.peek()) != null) {
			try {
				redis.execute(LOG_ADD, List.of(scoresKey, channelsKey), Long.toString(score.articleId()),
						Double.toString(score.logScore()), Long.toString(score.channelId()));
				queued.poll();
			}
			catch (RuntimeException ex) {
				return;
			}
		}
	}

	/** Copies the scores to the database (one node at a time) so a Redis restart loses nothing. */
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	@SchedulerLock(name = "inkstone-hot-persist", lockAtMostFor = "PT1M")
	void persist() {
		Map<Long, Score> top = top(20_000);
		if (!top.isEmpty()) {
			tx.executeWithoutResult(s -> repository.save(top.values(), System.currentTimeMillis()));
		}
	}

}
