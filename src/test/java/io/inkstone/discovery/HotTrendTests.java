package io.inkstone.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotTrendTests {

	@Test
	void movesAreMeasuredAgainstThePreviousHoursList() {
		assertThat(HotList.trend(2, 4, true)).isEqualTo(new HotEntry.Trend("up", 3));
		assertThat(HotList.trend(5, 0, true)).isEqualTo(new HotEntry.Trend("down", 4));
		assertThat(HotList.trend(3, 2, true)).isEqualTo(new HotEntry.Trend("same", 0));
		assertThat(HotList.trend(1, -1, true)).isEqualTo(new HotEntry.Trend("new", 0));
	}

	@Test
	void noTrendBeforeThereIsAPreviousList() {
		assertThat(HotList.trend(1, -1, false).direction()).isEqualTo("none");
	}

}
