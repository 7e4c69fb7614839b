package io.inkstone.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as the platform counts them: calendar days in the site's time zone, written as
 * yyyymmdd integers. The zone is the one holder of the site's time zone for code that has
 * no bean at hand: {@link SiteSettings} sets it at start-up and whenever an admin changes
 * it.
 */
public final class PlatformDays {

	/** Until the settings are loaded (and in unit tests without them). */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static volatile ZoneId zone = DEFAULT_ZONE;

	private PlatformDays() {
	}

	/** The site's time zone now. */
	public static ZoneId zone() {
		return zone;
	}

	static void use(ZoneId zone) {
		PlatformDays.zone = zone;
	}

	public static int of(long epochMillis) {
		return of(Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate());
	}

	public static int of(LocalDate date) {
		return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
	}

	public static LocalDate today() {
		return LocalDate.now(zone);
	}

}
