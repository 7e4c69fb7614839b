package io.inkstone.cluster;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler lock not taken turns health DOWN when something is wrong, not while
 * SQLite's one writer is busy for a moment (an import, a backup, a start's back-fills).
 */
class LockFailureTests {

	private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void aBusyDatabaseIsReportedOnlyOnceItHasBeenBusyForTheGracePeriod() {
		Instant since = now.minusSeconds(10);
		assertThat(new ObservedLockProvider.Failure(now, "SQLITE_BUSY", true, since).reported(now)).isFalse();
		Instant longAgo = now.minus(ObservedLockProvider.BUSY_GRACE);
		assertThat(new ObservedLockProvider.Failure(now, "SQLITE_BUSY", true, longAgo).reported(now)).isTrue();
	}

	@Test
	void anyOtherErrorIsReportedAtOnce() {
		assertThat(new ObservedLockProvider.Failure(now, "lock row missing", false, now).reported(now)).isTrue();
		assertThat(
				new ObservedLockProvider.Failure(now, "constraint", false, now.minus(Duration.ofDays(1))).reported(now))
			.isTrue();
	}

}
