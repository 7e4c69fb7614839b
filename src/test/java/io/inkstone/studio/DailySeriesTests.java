package io.inkstone.studio;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.IntStream;

import io.inkstone.shared.PlatformDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's geometry: round axis ticks, dates that fit, days in order, empty state. */
class DailySeriesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void theYAxisEndsOnARoundNumberAboveTheLargestValueInFourEqualSteps() {
		assertThat(series(Map.of(PlatformDays.of(TODAY), 0L)).yTicks()).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(series(Map.of(PlatformDays.of(TODAY), 7L)).yTicks()).containsExactly(0L, 2L, 4L, 6L, 8L);
		assertThat(series(Map.of(PlatformDays.of(TODAY), 13L)).axisMax()).isEqualTo(20);
		assertThat(series(Map.of(PlatformDays.of(TODAY), 100L)).axisMax()).isEqualTo(100);
		assertThat(series(Map.of(PlatformDays.of(TODAY), 101L)).axisMax()).isEqualTo(200);
		DailySeries s = series(Map.of(PlatformDays.of(TODAY), 5L));
		assertThat(s.barHeight(s.points().get(29))).isLessThanOrEqualTo(s.plotHeight());
	}

	@Test
	void daysRunOldestToTodayWithValuesAndTheEmptyState() {
		DailySeries s = series(Map.of(PlatformDays.of(TODAY.minusDays(2)), 3L, PlatformDays.of(TODAY), 1L));
		assertThat(s.points()).hasSize(30);
		assertThat(s.points().get(0).day()).isEqualTo(TODAY.minusDays(29));
		assertThat(s.points().get(29).day()).isEqualTo(TODAY);
		assertThat(s.points().get(27).value()).isEqualTo(3);
		assertThat(s.total()).isEqualTo(4);
		assertThat(s.peak().day()).isEqualTo(TODAY.minusDays(2));
		assertThat(s.empty()).isFalse();
		assertThat(series(Map.of()).empty()).isTrue();
	}

	@Test
	void aboutSixDatesAreWrittenAlwaysIncludingToday() {
		DailySeries month = series(Map.of());
		long labelled = IntStream.range(0, 30).filter(month::labelled).count();
		assertThat(labelled).isBetween(5L, 7L);
		assertThat(month.labelled(29)).isTrue();
		DailySeries week = DailySeries.lastDays("reads", TODAY, 7, Map.of());
		assertThat(IntStream.range(0, 7).allMatch(week::labelled)).isTrue();
		assertThat(DailySeries.shortDate(TODAY)).isEqualTo("11-30");
	}

	private static DailySeries series(Map<Integer, Long> byDay) {
		return DailySeries.lastDays("reads", TODAY, 30, byDay);
	}

}
