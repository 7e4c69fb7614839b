package io.inkstone.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToDoubleFunction;

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
 * Cluster mode: Redis sorted sets of log-domain forward-decay scores shared by all nodes,
 * one per channel (raw scores compare only within a channel's half-life, see
 * {@link HotScores}), so every node ranks the same data. A Lua script adds in the log
 * domain atomically (ln(e^a + e^b)); ZINCRBY cannot. Scores are copied to
 * {@code hot_scores} by one node at a time and reloaded if Redis loses them (Redis here
 * keeps nothing on disk). Signals that arrive while Redis is away are queued and
 * replayed.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisHotScores implements HotScores {

	private static final Logger log = LoggerFactory.getLogger(RedisHotScores.class);

	/**
	 * KEYS[1] the channel's sorted set, KEYS[2] the set of channels with scores; ARGV
	 * article, log-weight, channel.
	 */
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
			redis.call('SADD', KEYS[2], ARGV[3])
			return tostring(new)""", String.class);

	private static final int MAX_QUEUED = 1_000_000;

	private final StringRedisTemplate redis;

	private final HotScoreRepository repository;

	private final TransactionTemplate tx;

	private final String keyPrefix;

	private final String channelsKey;

	private final ConcurrentLinkedQueue<Score> queued = new ConcurrentLinkedQueue<>();

	private final Clock clock;

	RedisHotScores(StringRedisTemplate redis, HotScoreRepository repository, TransactionTemplate tx,
			InkstoneProperties properties, Clock clock) {
		this.clock = clock;
		this.redis = redis;
		this.repository = repository;
		this.tx = tx;
		this.keyPrefix = properties.redis().keyPrefix() + "hot:channel:";
		this.channelsKey = properties.redis().keyPrefix() + "hot:channel-ids";
	}

	@Override
	public void add(long articleId, long channelId, double logWeight) {
		try {
			logAdd(new Score(articleId, channelId, logWeight));
		}
		catch (RuntimeException ex) {
			if (queued.size() < MAX_QUEUED) {
				queued.add(new Score(articleId, channelId, logWeight));
			}
		}
	}

	private void logAdd(Score signal) {
		redis.execute(LOG_ADD, List.of(keyPrefix + signal.channelId(), channelsKey), Long.toString(signal.articleId()),
				Double.toString(signal.logScore()), Long.toString(signal.channelId()));
	}

	@Override
	public Map<Long, Score> top(int overall, int perChannel, ToDoubleFunction<Score> logValueNow) {
		try {
			return HotScores.select(topPerChannel(Math.max(overall, perChannel)), overall, perChannel, logValueNow);
		}
		catch (RuntimeException ex) {
			log.debug("Hot scores unavailable: {}", ex.getMessage());
			return Map.of();
		}
	}

	/**
	 * Each channel's {@code limit} strongest scores (raw order is current-value order
	 * within a channel).
	 */
	private List<Score> topPerChannel(int limit) {
		List<Score> scores = new ArrayList<>();
		Set<String> channelIds = redis.opsForSet().members(channelsKey);
		if (channelIds == null) {
			return scores;
		}
		for (String channel : channelIds) {
			long channelId = Long.parseLong(channel);
			Set<ZSetOperations.TypedTuple<String>> tuples = redis.opsForZSet()
				.reverseRangeWithScores(keyPrefix + channel, 0, limit - 1);
			if (tuples != null) {
				for (ZSetOperations.TypedTuple<String> tuple : tuples) {
					scores.add(new Score(Long.parseLong(tuple.getValue()), channelId, tuple.getScore()));
				}
			}
		}
		return scores;
	}

	/**
	 * Reloads scores from the database when Redis has none (first start, or Redis lost
	 * its memory).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	void reloadIfEmpty() {
		try {
			Long channels = redis.opsForSet().size(channelsKey);
			if (channels != null && channels > 0) {
				return;
			}
			for (Score row : repository.topPerChannel(LocalHotScores.PERSISTED_PER_CHANNEL)) {
				redis.opsForZSet()
					.addIfAbsent(keyPrefix + row.channelId(), Long.toString(row.articleId()), row.logScore());
				redis.opsForSet().add(channelsKey, Long.toString(row.channelId()));
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
				logAdd(score);
				queued.poll();
			}
			catch (RuntimeException ex) {
				return;
			}
		}
	}

	/**
	 * Copies the scores to the database (one node at a time) so a Redis restart loses
	 * nothing.
	 */
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	@SchedulerLock(name = "inkstone-hot-persist", lockAtMostFor = "PT1M")
	void persist() {
		List<Score> top;
		try {
			top = topPerChannel(LocalHotScores.PERSISTED_PER_CHANNEL);
		}
		catch (RuntimeException ex) {
			log.debug("Hot scores not persisted: {}", ex.getMessage());
			return;
		}
		if (!top.isEmpty()) {
			tx.executeWithoutResult(s -> repository.save(top, clock.millis()));
		}
	}

}
