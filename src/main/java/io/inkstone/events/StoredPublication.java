package io.inkstone.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/** One row of {@code event_publication}, read back. */
final class StoredPublication implements TargetEventPublication {

	private final UUID id;

	private final Object event;

	private final PublicationTargetIdentifier target;

	private final Instant published;

	private @Nullable Instant completed;

	private final Status status;

	private final int attempts;

	private final @Nullable Instant lastResubmission;

	StoredPublication(UUID id, Object event, PublicationTargetIdentifier target, Instant published,
			@Nullable Instant completed, Status status, int attempts, @Nullable Instant lastResubmission) {
		this.id = id;
		this.event = event;
		this.target = target;
		this.published = published;
		this.completed = completed;
		this.status = status;
		this.attempts = attempts;
		this.lastResubmission = lastResubmission;
	}

	@Override
	public UUID getIdentifier() {
		return id;
	}

	@Override
	public Object getEvent() {
		return event;
	}

	@Override
	public PublicationTargetIdentifier getTargetIdentifier() {
		return target;
	}

	@Override
	public Instant getPublicationDate() {
		return published;
	}

	@Override
	public Optional<Instant> getCompletionDate() {
		return Optional.ofNullable(completed);
	}

	@Override
	public void markCompleted(Instant instant) {
		this.completed = instant;
	}

	@Override
	public Status getStatus() {
		return status;
	}

	@Override
	public @Nullable Instant getLastResubmissionDate() {
		return lastResubmission;
	}

	@Override
	public int getCompletionAttempts() {
		return attempts;
	}

	@Override
	public String toString() {
		return "StoredPublication[" + id + ", " + event.getClass().getSimpleName() + " → " + target.getValue() + ", "
				+ status + ", attempts " + attempts + "]";
	}

}
