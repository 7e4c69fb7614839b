package io.inkstone.shared;

import java.time.Duration;

/**
 * The one retry schedule of everything Inkstone delivers again after a failure (events,
 * webhooks, publish pings): the first wait, then twice as long after each further
 * failure, never longer than the maximum.
 */
public final class Backoff {

	private Backoff() {
	}

	/**
	 * The wait after this many failed attempts: {@code first} after one (or none),
	 * {@code 2 × first} after two, {@code 4 × first} after three … at most {@code max}.
	 */
	public static Duration afterFailures(int failures, Duration first, Duration max) {
		Duration wait = first.multipliedBy(1L << Math.min(30, Math.max(0, failures - 1)));
		return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
	}

}
