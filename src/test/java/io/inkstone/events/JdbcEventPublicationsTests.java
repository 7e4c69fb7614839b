package io.inkstone.events;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.inkstone.support.Databases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery whose failure could not be written (SQLite's one writer busy) is retried on
 * the usual schedule, not left for five minutes as if it were still running.
 */
class JdbcEventPublicationsTests {

	static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

	static final EventsProperties PROPERTIES = new EventsProperties(Duration.ofSeconds(30), Duration.ofHours(1),
			Duration.ofSeconds(10));

	/** Events as their own text: the registry's storage is under test, not Jackson. */
	static final EventSerializer TEXT = new EventSerializer() {
		@Override
		public Object serialize(Object event) {
			return event.toString();
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return type.cast(serialized.toString());
		}
	};

	final SQLiteDataSource dataSource = busyAfter200ms(Databases.migratedSqlite("events"));

	final JdbcClient jdbc = JdbcClient.create(dataSource);

	final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

	final JdbcEventPublications publications = new JdbcEventPublications(jdbc, TEXT, PROPERTIES, clock);

	final EventRedelivery redelivery = new EventRedelivery(null, PROPERTIES, clock);

	static SQLiteDataSource busyAfter200ms(SQLiteDataSource dataSource) {
		dataSource.setBusyTimeout(200);
		return dataSource;
	}

	UUID running() {
		UUID id = UUID.randomUUID();
		publications.create(new StoredPublication(id, "notice", PublicationTargetIdentifier.of("notifications.mail"),
				T0, null, Status.PUBLISHED, 0, null));
		publications.markProcessing(id);
		return id;
	}

	TargetEventPublication read(JdbcEventPublications from) {
		return from.findIncompletePublications().get(0);
	}

	String storedStatus(UUID id) {
		return jdbc.sql("SELECT status FROM event_publication WHERE id = :id")
			.param("id", id.toString())
			.query(String.class)
			.single();
	}

	@Test
	void aFailureWrittenWhileTheDatabaseIsBusyIsRetriedAfterTheFirstWaitNotAfterFiveMinutes() throws Exception {
		UUID id = running();
		try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
			statement.execute("BEGIN IMMEDIATE"); // another writer holds the lock
			publications.markFailed(id); // must not throw: the listener's failure is
											// known here
			statement.execute("ROLLBACK");
		}
		assertThat(storedStatus(id)).isEqualTo("PROCESSING");
		TargetEventPublication publication = read(publications);
		assertThat(publication.getStatus()).isEqualTo(Status.FAILED);
		assertThat(redelivery.due(publication, T0.plus(PROPERTIES.firstRetry()))).isTrue();

		// once claimed for its retry, the row speaks for itself again
		assertThat(publications.markResubmitted(id, T0.plus(PROPERTIES.firstRetry()))).isTrue();
		assertThat(read(publications).getStatus()).isEqualTo(Status.RESUBMITTED);
	}

	@Test
	void anotherNodesRunningDeliveryStillReadsAsRunning() throws Exception {
		UUID id = running();
		try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			publications.markFailed(id);
			statement.execute("ROLLBACK");
		}
		JdbcEventPublications otherNode = new JdbcEventPublications(jdbc, TEXT, PROPERTIES, clock);
		TargetEventPublication publication = read(otherNode);
		assertThat(publication.getStatus()).isEqualTo(Status.PROCESSING);
		assertThat(redelivery.due(publication, T0.plus(PROPERTIES.firstRetry()))).isFalse();
	}

	@Test
	void aFailureWrittenNormallyIsStored() {
		UUID id = running();
		publications.markFailed(id);
		assertThat(storedStatus(id)).isEqualTo("FAILED");
		assertThat(read(new JdbcEventPublications(jdbc, TEXT, PROPERTIES, clock)).getStatus()).isEqualTo(Status.FAILED);
	}

}
