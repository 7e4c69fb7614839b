package io.inkstone.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import java.util.HashMap;

class RelatedFusionTests {

	private static final long DAY = Duration.ofDays(1).toMillis();

	private static final long NOW = 1_800_000_000_000L;

	private final RelatedFusion fusion = new RelatedFusion(0.2, Duration.ofDays(30));

	@Test
	void withoutCoReadsOrFreshnessTheContentOrderStands() {
		assertThat(RelatedFusion.timeless().rank(List.of(5L, 3L, 9L), List.of(), id -> 0, NOW)).containsExactly(5L, 3L,
				9L);
	}

	@Test
	void anArticleBothListsAgreeOnRisesAboveEitherListsFirst() {
		List<Long> ranked = RelatedFusion.timeless().rank(List.of(1L, 2L, 3L), List.of(4L, 3L), id -> 0, NOW);
		assertThat(ranked.get(0)).isEqualTo(3L);
		assertThat(ranked).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
	}

	@Test
	void freshnessIsBoundedAndHalvesPerHalfLife() {
		assertThat(fusion.freshness(NOW, NOW)).isCloseTo(1.0, within(1e-12));
		assertThat(fusion.freshness(NOW - 30 * DAY, NOW)).isCloseTo(0.9, within(1e-12));
		assertThat(fusion.freshness(NOW - 3650 * DAY, NOW)).isCloseTo(0.8, within(1e-6));
		assertThat(fusion.freshness(NOW + DAY, NOW)).as("a clock ahead never exceeds 1").isCloseTo(1.0, within(1e-12));
	}

	@Test
	void freshnessDecidesCloseCallsButNeverLiftsAWeakMatchOverAStrongOne() {
		Map<Long, Long> published = Map.of(1L, NOW - 3650 * DAY, 2L, NOW, 3L, NOW);
		// 1 and 2 are neighbours in the content list: the fresh one goes first
		assertThat(fusion.rank(List.of(1L, 2L), List.of(), published::get, NOW)).containsExactly(2L, 1L);
		// an old article both lists agree on stays above a fresh one only the tail of one
		// list names
		List<Long> content = List.of(1L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 3L);
		Map<Long, Long> times = new HashMap<>(published);
		content.forEach(id -> times.putIfAbsent(id, NOW - 3650 * DAY));
		assertThat(fusion.rank(content, List.of(1L), times::get, NOW).get(0)).isEqualTo(1L);
		assertThat(fusion.rank(content, List.of(), times::get, NOW).indexOf(3L)).isGreaterThan(5);
	}

	@Test
	void weightsOutsideZeroToOneAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RelatedFusion(1.5, Duration.ofDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RelatedFusion(-0.1, Duration.ofDays(1)));
	}

}
