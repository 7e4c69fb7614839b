package io.inkstone.web;

import java.time.Duration;

/**
 * Token-bucket rate limits (Bucket4j): in this node's memory in embedded mode, in Redis
 * in cluster mode so a limit holds across nodes.
 */
public interface RateLimiter {

	/**
	 * Takes one token from the bucket named {@code key} ({@code capacity} tokens,
	 * refilled over {@code period}).
	 * @return 0 when allowed, else the whole seconds to wait
	 */
	long tryAcquire(String key, int capacity, Duration period);

	/**
	 * Like {@link #tryAcquire}, but the bucket refills all at once at the end of each
	 * {@code period}: at most {@code capacity} per period, as "300 a minute" reads (a
	 * gradual refill lets a client that keeps just under the refill rate run without end,
	 * and up to twice the capacity in the first period).
	 * @return 0 when allowed, else the whole seconds to wait
	 */
	long tryAcquirePerPeriod(String key, int capacity, Duration period);

}
