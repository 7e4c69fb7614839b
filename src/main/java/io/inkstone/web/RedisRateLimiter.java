package io.inkstone.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.PreDestroy;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.inkstone.shared.InkstoneProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: Bucket4j buckets in Redis (compare-and-swap), so ten nodes allow what one would. If Redis
 * is away, this node's memory enforces the limit meanwhile.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "cluster")
class RedisRateLimiter implements RateLimiter {

	private final RedisClient client;

	private final ProxyManager<byte[]> buckets;

	private final String prefix;

	private final LocalRateLimiter fallback = new LocalRateLimiter();

	RedisRateLimiter(InkstoneProperties properties) {
		RedisURI uri = RedisURI.create(properties.redis().url());
		uri.setTimeout(Duration.ofMillis(500));
		this.client = RedisClient.create(uri);
		this.buckets = Bucket4jLettuce.casBasedBuilder(client)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.prefix = properties.redis().keyPrefix() + "rate:";
	}

	@Override
	public long tryAcquire(String key, int capacity, Duration period) {
		try {
			byte[] redisKey = (prefix + key + '/' + capacity + '/' + period.toSeconds()).getBytes(StandardCharsets.UTF_8);
			return LocalRateLimiter.secondsToWait(buckets.getProxy(redisKey, () -> BucketConfiguration.builder()
				.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
				.build()).tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			return fallback.tryAcquire(key, capacity, period);
		}
	}

	@PreDestroy
	void close() {
		client.shutdown();
	}

}
