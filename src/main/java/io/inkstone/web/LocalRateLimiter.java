package io.inkstone.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Embedded mode: buckets in memory, forgotten an hour after their last use. */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "embedded", matchIfMissing = true)
class LocalRateLimiter implements RateLimiter {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(1, TimeUnit.HOURS)
		.maximumSize(500_000)
		.build();

	@Override
	public long tryAcquire(String key, int capacity, Duration period) {
		Bucket bucket = buckets.get(key + '/' + capacity + '/' + period,
				k -> Bucket.builder()
					.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
					.build());
		return secondsToWait(bucket.tryConsumeAndReturnRemaining(1));
	}

	@Override
	public long tryAcquirePerPeriod(String key, int capacity, Duration period) {
		Bucket bucket = buckets.get(key + '/' + capacity + '/' + period + "/interval",
				k -> Bucket.builder()
					.addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
					.build());
		return secondsToWait(bucket.tryConsumeAndReturnRemaining(1));
	}

	static long secondsToWait(ConsumptionProbe probe) {
		return probe.isConsumed() ? 0
				: Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
	}

}
