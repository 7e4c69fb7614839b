package io.inkstone.engagement;

import java.time.Duration;

import io.inkstone.shared.InkstoneProperties;
import io.inkstone.web.ClientAddresses;
import io.inkstone.web.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * However many reader ids a client presents (it can drop cookies and get a fresh one per
 * request), one client address adds at most {@code inkstone.counters.per-address-hourly}
 * reads, shares and likes (each) to one article per hour. IPv6 clients are counted per
 * /64, the block one subscriber usually holds. In cluster mode the buckets live in Redis,
 * so the limit holds across nodes.
 */
@Component
class AddressLimits {

	private static final Duration HOUR = Duration.ofHours(1);

	private final RateLimiter limits;

	private final int perHour;

	AddressLimits(RateLimiter limits, InkstoneProperties properties) {
		this.limits = limits;
		this.perHour = properties.counters() == null ? 5 : properties.counters().perAddressHourly();
	}

	/**
	 * Takes one of the address's allowances for this signal on this article; false when
	 * none is left.
	 */
	boolean allows(Signal signal, String clientAddress, long articleId) {
		return limits.tryAcquire(
				"engage:" + signal.name() + ':' + articleId + ':' + ClientAddresses.limitKey(clientAddress), perHour,
				HOUR) == 0;
	}

}
