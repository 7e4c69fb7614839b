package io.inkstone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that stands still until a test sets or advances it, so a time rule (an
 * expiry, a purge after 30 days, a platform day's turn) is proven without waiting. Clocks
 * derived with {@link #withZone} share this one's time: moving either moves both, as a
 * service that asks {@code clock.withZone(PlatformDays.zone())} expects.
 */
public final class MutableClock extends Clock {

	private final AtomicLong millis;

	private final ZoneId zone;

	private MutableClock(AtomicLong millis, ZoneId zone) {
		this.millis = millis;
		this.zone = zone;
	}

	/** Stopped at {@code start}, in UTC. */
	public static MutableClock at(Instant start) {
		return new MutableClock(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC);
	}

	/** Stopped at the given ISO-8601 instant, e.g. {@code 2026-12-01T15:59:59Z}. */
	public static MutableClock at(String isoInstant) {
		return at(Instant.parse(isoInstant));
	}

	/** Stopped at the system's present moment (for tests whose data is stamped now). */
	public static MutableClock stoppedNow() {
		return at(Instant.ofEpochMilli(Clock.systemUTC().millis()));
	}

	public void set(Instant instant) {
		millis.set(instant.toEpochMilli());
	}

	public void advance(Duration duration) {
		millis.addAndGet(duration.toMillis());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public MutableClock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new MutableClock(millis, zone);
	}

	@Override
	public long millis() {
		return millis.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis.get());
	}

}
