package io.inkstone.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a delivery that has not completed is tried again: exponential back-off, capped;
 * running ones are left alone.
 */
class EventRedeliveryTests {

	static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

	final EventRedelivery redelivery = new EventRedelivery(null,
			new EventsProperties(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(10)),
			Clock.fixed(T0, ZoneOffset.UTC));

	static StoredPublication publication(Status status, int attempts, Instant lastResubmission) {
		return new StoredPublication(UUID.randomUUID(), "event", PublicationTargetIdentifier.of("listener"), T0, null,
				status, attempts, lastResubmission);
	}

	@Test
	void aFreshPublicationIsLeftToItsFirstDelivery() {
		assertThat(redelivery.due(publication(Status.PUBLISHED, 0, null), T0.plusSeconds(29))).isFalse();
		assertThat(redelivery.due(publication(Status.PUBLISHED, 0, null), T0.plusSeconds(30))).isTrue();
		assertThat(redelivery.due(publication(Status.FAILED, 0, null), T0.plusSeconds(30))).isTrue();
	}

	@Test
	void eachRetryWaitsTwiceAsLongAfterThePreviousOne() {
		Instant retried = T0.plusSeconds(100);
		assertThat(redelivery.due(publication(Status.FAILED, 2, retried), retried.plusSeconds(119))).isFalse();
		assertThat(redelivery.due(publication(Status.FAILED, 2, retried), retried.plusSeconds(120))).isTrue();
	}

	@Test
	void aRunningDeliveryIsTakenOverOnlyWhenItWasInterrupted() {
		assertThat(redelivery.due(publication(Status.PROCESSING, 0, null), T0.plusSeconds(60))).isFalse();
		assertThat(redelivery.due(publication(Status.PROCESSING, 0, null), T0.plus(EventRedelivery.INTERRUPTED_AFTER)))
			.isTrue();
	}

}
