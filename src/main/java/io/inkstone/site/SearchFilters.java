package io.inkstone.site;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.inkstone.creators.Creators;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PlatformDays;

/**
 * The search page's filters from request parameters: a creator handle (unknown → a filter
 * nothing matches, so the page says "no results" rather than failing) and a date range in
 * platform days, inclusive.
 */
record SearchFilters(Long creatorId, Long from, Long to) {

	static SearchFilters parse(String creator, String from, String to, Creators creators) {
		Long creatorId = null;
		if (creator != null && !creator.isBlank()) {
			try {
				creatorId = creators.get(creator.strip()).id();
			}
			catch (NotFoundException ex) {
				creatorId = -1L;
			}
		}
		try {
			Long start = from == null || from.isBlank() ? null
					: LocalDate.parse(from.strip()).atStartOfDay(PlatformDays.zone()).toInstant().toEpochMilli();
			Long end = to == null || to.isBlank() ? null
					: LocalDate.parse(to.strip())
						.plusDays(1)
						.atStartOfDay(PlatformDays.zone())
						.toInstant()
						.toEpochMilli();
			return new SearchFilters(creatorId, start, end);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("problem.site.datesAreYyyyMmDd");
		}
	}

}
