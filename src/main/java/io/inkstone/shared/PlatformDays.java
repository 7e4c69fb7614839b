package io.inkstone.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as the platform counts them: calendar days in Beijing time, written as yyyymmdd
 * integers.
 */
public final class PlatformDays {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private PlatformDays() {
	}

	public static int of(long epochMillis) {
		return of(Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate());
	}

	public static int of(LocalDate date) {
		return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

}
