package io.inkstone.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.scheduling.config.TaskExecutionOutcome;

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

	@Test
	void aJobFailingOnlyBecauseTheDatabaseIsBusyIsReportedAfterTheGracePeriod() {
		ScheduledJobsHealth health = new ScheduledJobsHealth(null, null, null);
		SQLException busy = new SQLException("[SQLITE_BUSY] The database file is locked", "", 5);
		TaskExecutionOutcome busyRun = new TaskExecutionOutcome(now, TaskExecutionOutcome.Status.ERROR,
				new CannotAcquireLockException("busy", busy));
		assertThat(health.reportedFailure("job", busyRun, now)).isFalse();
		assertThat(health.reportedFailure("job", busyRun, now.plus(ObservedLockProvider.BUSY_GRACE))).isTrue();
		// a run that succeeds starts the count again
		Instant later = now.plusSeconds(60);
		health.reportedFailure("job", new TaskExecutionOutcome(later, TaskExecutionOutcome.Status.SUCCESS, null),
				later);
		TaskExecutionOutcome busyAgain = new TaskExecutionOutcome(later.plusSeconds(1),
				TaskExecutionOutcome.Status.ERROR, new CannotAcquireLockException("busy", busy));
		assertThat(health.reportedFailure("job", busyAgain, now.plus(ObservedLockProvider.BUSY_GRACE))).isFalse();
		// any other error at once
		assertThat(health.reportedFailure("other",
				new TaskExecutionOutcome(now, TaskExecutionOutcome.Status.ERROR, new IllegalStateException("broken")),
				now))
			.isTrue();
	}

}
