package io.inkstone.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A period of platform days from request parameters ({@code yyyy-mm-dd}, inclusive),
 * defaulting to the last 30 days; malformed or reversed dates are a 400.
 */
public record DayRange(LocalDate first, LocalDate last) {

	public static DayRange parse(String from, String to) {
		LocalDate last;
		LocalDate first;
		try {
			last = to == null || to.isBlank() ? PlatformDays.today() : LocalDate.parse(to.strip());
			first = from == null || from.isBlank() ? last.minusDays(29) : LocalDate.parse(from.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("problem.shared.datesAreYyyyMmDd");
		}
		if (first.isAfter(last)) {
			throw new BadRequestException("problem.shared.fromIsAfterTo");
		}
		return new DayRange(first, last);
	}

	/** The first instant of the period, epoch millis. */
	public long startMillis() {
		return first.atStartOfDay(PlatformDays.zone()).toInstant().toEpochMilli();
	}

	/** The first instant after the period, epoch millis. */
	public long endMillis() {
		return last.plusDays(1).atStartOfDay(PlatformDays.zone()).toInstant().toEpochMilli();
	}

}
