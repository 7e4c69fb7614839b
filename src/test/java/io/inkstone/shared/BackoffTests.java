package io.inkstone.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Duration FIRST = Duration.ofSeconds(30);

	private static final Duration MAX = Duration.ofHours(1);

	@Test
	void theWaitDoublesAfterEachFailureFromTheFirst() {
		assertThat(Backoff.afterFailures(0, FIRST, MAX)).isEqualTo(FIRST);
		assertThat(Backoff.afterFailures(1, FIRST, MAX)).isEqualTo(FIRST);
		assertThat(Backoff.afterFailures(2, FIRST, MAX)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.afterFailures(3, FIRST, MAX)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void theWaitNeverPassesTheMaximumHoweverManyFailures() {
		assertThat(Backoff.afterFailures(8, FIRST, MAX)).isEqualTo(MAX);
		assertThat(Backoff.afterFailures(30, FIRST, MAX)).isEqualTo(MAX);
		assertThat(Backoff.afterFailures(Integer.MAX_VALUE, FIRST, MAX)).isEqualTo(MAX);
	}

}
