package io.inkstone.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.inkstone.shared.Backoff;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries deliveries that have not completed: failed ones (the SMTP server was down) and
 * ones whose node stopped before finishing (a restart), with exponential back-off from
 * {@code inkstone.events.first-retry} up to {@code max-retry}. The first round runs
 * shortly after start-up, so a restart delivers what the last run left. One node at a
 * time (ShedLock); {@code JdbcEventPublications.markResubmitted} also lets only one claim
 * each retry.
 */
@Component
class EventRedelivery {

	/**
	 * A delivery still marked as running this long was interrupted (its node stopped
	 * mid-way).
	 */
	static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(5);

	private final IncompleteEventPublications incomplete;

	private final EventsProperties properties;

	private final Clock clock;

	EventRedelivery(IncompleteEventPublications incomplete, EventsProperties properties, Clock clock) {
		this.incomplete = incomplete;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${inkstone.events.check-every}",
			initialDelayString = "${inkstone.events.check-every}")
	@SchedulerLock(name = "inkstone-event-redelivery", lockAtMostFor = "PT5M")
	void resubmitDue() {
		Instant now = clock.instant();
		incomplete.resubmitIncompletePublications(publication -> due(publication, now));
	}

	/** Whether a delivery that has not completed should be tried again now. */
	boolean due(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate() == null ? publication.getPublicationDate()
				: publication.getLastResubmissionDate();
		// the first delivery was attempt one: after it, wait first; then 2 × first
		Duration wait = Backoff.afterFailures(publication.getCompletionAttempts() + 1, properties.firstRetry(),
				properties.maxRetry());
		if (publication.getStatus() == Status.PROCESSING && wait.compareTo(INTERRUPTED_AFTER) < 0) {
			wait = INTERRUPTED_AFTER; // running now, most likely: only an interrupted one
										// is taken over
		}
		return !now.isBefore(last.plus(wait));
	}

}
