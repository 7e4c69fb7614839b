package io.inkstone.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PreDestroy;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.inkstone.shared.InkstoneProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: Bucket4j buckets in Redis (compare-and-swap), so ten nodes allow what one
 * would. If Redis is away, this node's memory enforces the limit meanwhile. The
 * connection is made on first use and retried every few seconds, so a node starts while
 * Redis is away or slow to answer.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(5);

	private final RedisClient client;

	/** Made on first use; null while Redis has not answered yet. */
	private volatile ProxyManager<byte[]> buckets;

	private long nextConnectAttempt;

	private final String prefix;

	private final LocalRateLimiter fallback = new LocalRateLimiter();

	private final Clock clock;

	RedisRateLimiter(InkstoneProperties properties, Clock clock) {
		this.clock = clock;
		RedisURI uri = RedisURI.create(properties.redis().url());
		uri.setTimeout(Duration.ofMillis(500));
		this.client = RedisClient.create(uri);
		this.prefix = properties.redis().keyPrefix() + "rate:";
	}

	private ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> connected = buckets;
		if (connected != null) {
			return connected;
		}
		synchronized (this) {
			long now = clock.millis();
			if (buckets == null && now >= nextConnectAttempt) {
				nextConnectAttempt = now + RECONNECT_INTERVAL.toMillis();
				try {
					buckets = Bucket4jLettuce.casBasedBuilder(client)
						.expirationAfterWrite(ExpirationAfterWriteStrategy
							.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build();
				}
				catch (RuntimeException ex) {
					log.warn("Rate limits are kept in this node's memory until Redis answers: {}", ex.getMessage());
				}
			}
			return buckets;
		}
	}

	@Override
	public long tryAcquire(String key, int capacity, Duration period) {
		ProxyManager<byte[]> shared = buckets();
		if (shared == null) {
			return fallback.tryAcquire(key, capacity, period);
		}
		try {
			byte[] redisKey = (prefix + key + '/' + capacity + '/' + period.toSeconds())
				.getBytes(StandardCharsets.UTF_8);
			return LocalRateLimiter.secondsToWait(
					shared
						.getProxy(redisKey,
								() -> BucketConfiguration.builder()
									.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
									.build())
						.tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			return fallback.tryAcquire(key, capacity, period);
		}
	}

	@Override
	public long tryAcquirePerPeriod(String key, int capacity, Duration period) {
		ProxyManager<byte[]> shared = buckets();
		if (shared == null) {
			return fallback.tryAcquirePerPeriod(key, capacity, period);
		}
		try {
			byte[] redisKey = (prefix + key + '/' + capacity + '/' + period.toSeconds() + "/interval")
				.getBytes(StandardCharsets.UTF_8);
			return LocalRateLimiter.secondsToWait(
					shared
						.getProxy(redisKey,
								() -> BucketConfiguration.builder()
									.addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
									.build())
						.tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			return fallback.tryAcquirePerPeriod(key, capacity, period);
		}
	}

	@PreDestroy
	void close() {
		client.shutdown();
	}

}
