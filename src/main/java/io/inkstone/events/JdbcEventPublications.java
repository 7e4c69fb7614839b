package io.inkstone.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The event publication registry's storage: {@code event_publication} through
 * {@code JdbcClient}, the same SQL on SQLite and PostgreSQL (Modulith's own JDBC
 * repository refuses SQLite). {@link #create} runs in the publisher's transaction. A
 * completed publication is deleted: nothing is kept that the audit log does not already
 * hold, and a mail's text (which may carry a one-time link) leaves the database once it
 * is sent.
 */
@Component
class JdbcEventPublications implements EventPublicationRepository {

	private static final Logger log = LoggerFactory.getLogger(JdbcEventPublications.class);

	private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date, completion_date,"
			+ " status, completion_attempts, last_resubmission_date";

	private final JdbcClient jdbc;

	private final EventSerializer serializer;

	private final EventsProperties properties;

	private final Clock clock;

	/**
	 * Deliveries whose listener failed on this node while the failure could not be
	 * written (SQLite's writer busy, the database away): the row still says PROCESSING,
	 * which {@link EventRedelivery} leaves alone for five minutes as possibly running.
	 * This node knows it ended, so it reads them as FAILED and retries them on the usual
	 * schedule.
	 */
	private final Set<UUID> failedUnrecorded = ConcurrentHashMap.newKeySet();

	JdbcEventPublications(JdbcClient jdbc, EventSerializer serializer, EventsProperties properties, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.properties = properties;
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		jdbc.sql("INSERT INTO event_publication (" + COLUMNS
				+ ") VALUES (:id, :listener, :type, :event, :at, NULL, :status, 0, NULL)")
			.param("id", publication.getIdentifier().toString())
			.param("listener", publication.getTargetIdentifier().getValue())
			.param("type", publication.getEvent().getClass().getName())
			.param("event", serialize(publication.getEvent()))
			.param("at", publication.getPublicationDate().toEpochMilli())
			.param("status", Status.PUBLISHED.name())
			.update();
		return publication;
	}

	@Override
	public void markProcessing(UUID id) {
		setStatus(id, Status.PROCESSING);
		failedUnrecorded.remove(id);
	}

	@Override
	public void markFailed(UUID id) {
		try {
			setStatus(id, Status.FAILED);
			failedUnrecorded.remove(id);
		}
		catch (DataAccessException ex) {
			// the listener's own failure was most likely this same busy database:
			// remember
			// it here instead of leaving the delivery to look as if it were still running
			failedUnrecorded.add(id);
			log.warn("Could not record the failed delivery {} ({}); it is retried on the usual schedule", id,
					ex.getMostSpecificCause().getMessage());
		}
	}

	private void setStatus(UUID id, Status status) {
		jdbc.sql("UPDATE event_publication SET status = :s WHERE id = :id AND completion_date IS NULL")
			.param("s", status.name())
			.param("id", id.toString())
			.update();
	}

	@Override
	public void markCompleted(UUID id, Instant at) {
		jdbc.sql("DELETE FROM event_publication WHERE id = :id").param("id", id.toString()).update();
		failedUnrecorded.remove(id);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier target, Instant at) {
		// the registry's fallback when it no longer holds the publication: the oldest
		// matching one is done
		findIncompletePublicationsByEventAndTargetIdentifier(event, target)
			.ifPresent(publication -> markCompleted(publication.getIdentifier(), at));
	}

	/**
	 * Claims a publication for one resubmission: true for exactly one caller, also when
	 * two nodes (or the job and a restart) race. A claim older than the first retry delay
	 * is stale (its node died before running the listener) and may be taken again.
	 */
	@Override
	public boolean markResubmitted(UUID id, Instant at) {
		boolean claimed = jdbc
			.sql("UPDATE event_publication SET status = :s, completion_attempts = completion_attempts + 1,"
					+ " last_resubmission_date = :at WHERE id = :id AND completion_date IS NULL"
					+ " AND (last_resubmission_date IS NULL OR last_resubmission_date < :stale)")
			.param("s", Status.RESUBMITTED.name())
			.param("at", at.toEpochMilli())
			.param("id", id.toString())
			.param("stale", at.minus(properties.firstRetry()).toEpochMilli())
			.update() == 1;
		if (claimed) {
			failedUnrecorded.remove(id);
		}
		return claimed;
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		return select("completion_date IS NULL", null);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		return select("completion_date IS NULL AND publication_date < :before", instant.toEpochMilli());
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier target) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM event_publication WHERE serialized_event = :event AND listener_id = :listener"
					+ " AND completion_date IS NULL ORDER BY publication_date")
			.param("event", serialize(event))
			.param("listener", target.getValue())
			.query(this::publication)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		return List.of(); // completed publications are deleted
	}

	@Override
	public List<TargetEventPublication> findByStatus(Status status) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM event_publication WHERE status = :s ORDER BY publication_date")
			.param("s", status.name())
			.query(this::publication)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	@Override
	public int countByStatus(Status status) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE status = :s")
			.param("s", status.name())
			.query(Long.class)
			.single()
			.intValue();
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		Instant before = criteria.getPublicationDateReference();
		return select("status = 'FAILED'" + (before == null ? "" : " AND publication_date < :before"),
				before == null ? null : before.toEpochMilli())
			.stream()
			.limit(criteria.getMaxItemsToRead() < 0 ? Long.MAX_VALUE : criteria.getMaxItemsToRead())
			.toList();
	}

	@Override
	public void deletePublications(List<UUID> ids) {
		for (UUID id : ids) {
			markCompleted(id, Instant.now(clock));
		}
	}

	@Override
	public void deleteCompletedPublications() {
		jdbc.sql("DELETE FROM event_publication WHERE completion_date IS NOT NULL").update();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		jdbc.sql("DELETE FROM event_publication WHERE completion_date < :before")
			.param("before", instant.toEpochMilli())
			.update();
	}

	private List<TargetEventPublication> select(String where, Long before) {
		var statement = jdbc
			.sql("SELECT " + COLUMNS + " FROM event_publication WHERE " + where + " ORDER BY publication_date, id");
		if (before != null) {
			statement = statement.param("before", before);
		}
		return statement.query(this::publication).list().stream().filter(Objects::nonNull).toList();
	}

	private String serialize(Object event) {
		return serializer.serialize(event).toString();
	}

	/**
	 * A row as a publication; null (skipped, with a warning) when its event type no
	 * longer exists.
	 */
	private TargetEventPublication publication(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("event_type");
		Class<?> eventType;
		try {
			eventType = ClassUtils.forName(type, getClass().getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			log.warn("Event publication {} has an unknown event type {}; skipped", rs.getString("id"), type);
			return null;
		}
		long completed = rs.getLong("completion_date");
		Instant completion = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
		long resubmitted = rs.getLong("last_resubmission_date");
		Instant lastResubmission = rs.wasNull() ? null : Instant.ofEpochMilli(resubmitted);
		String status = rs.getString("status");
		UUID id = UUID.fromString(rs.getString("id"));
		Status state = status == null ? Status.PUBLISHED : Status.valueOf(status);
		if (state == Status.PROCESSING && failedUnrecorded.contains(id)) {
			state = Status.FAILED;
		}
		return new StoredPublication(id, serializer.deserialize(rs.getString("serialized_event"), eventType),
				PublicationTargetIdentifier.of(rs.getString("listener_id")),
				Instant.ofEpochMilli(rs.getLong("publication_date")), completion, state,
				rs.getInt("completion_attempts"), lastResubmission);
	}

}
