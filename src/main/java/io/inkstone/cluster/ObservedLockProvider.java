package io.inkstone.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.inkstone.shared.DatabaseBusy;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * ShedLock's lock provider, watched: a lock that cannot be taken because of an error is
 * recorded per lock name so that {@link ScheduledJobsHealth} reports the job as failing
 * (health {@code jobs} DOWN, gauge {@code inkstone.jobs.failing{job}} 1). ShedLock itself
 * swallows several errors and answers "held elsewhere": a {@code DuplicateKeyException}
 * or a concurrency failure on its UPDATE (a broken index, a lock timeout, a serialization
 * failure), a failed commit — and a lock row deleted while the application runs (a common
 * way to "clear a stuck lock"): ShedLock remembers it created the row and from then on
 * only UPDATEs a row that is not there, so the job silently never runs again. This
 * provider sees the errors its statements raised (through the exception translator of
 * ShedLock's own {@link JdbcTemplate}), and when nothing explains a refused lock it
 * checks that the row exists; a missing row is reported and ShedLock's memory of it is
 * dropped, so the next round creates it again. A lock taken, or held by another node,
 * clears the failure.
 */
class ObservedLockProvider implements LockProvider {

	private static final Logger log = LoggerFactory.getLogger(ObservedLockProvider.class);

	/**
	 * How long a lock may go untaken because the database is busy before health reports
	 * it: SQLite's one writer held by an import, a backup or a start's back-fills is
	 * normal for a while, and the task runs at its next turn; a database busy for this
	 * long is a problem an operator should see.
	 */
	static final Duration BUSY_GRACE = Duration.ofMinutes(5);

	/**
	 * What went wrong taking a lock: when (and since when, for failures in a row), the
	 * root cause, and whether it was only a busy database.
	 */
	record Failure(Instant at, String description, boolean busy, Instant since) {

		/** Whether health turns DOWN for it: any error, or a database busy too long. */
		boolean reported(Instant now) {
			return !busy || !since.plus(BUSY_GRACE).isAfter(now);
		}

	}

	/**
	 * The statement errors of the lock attempt running on this thread (null outside one).
	 */
	private static final ThreadLocal<List<Seen>> SEEN = new ThreadLocal<>();

	private record Seen(String sql, DataAccessException error) {
	}

	private final Supplier<LockProvider> providers;

	private final JdbcTemplate jdbc;

	private final String table;

	private volatile LockProvider delegate;

	private final Map<String, Failure> failures = new ConcurrentHashMap<>();

	/**
	 * @param providers makes a fresh ShedLock provider (with an empty memory of created
	 * rows) on {@code jdbc}
	 * @param jdbc ShedLock's JdbcTemplate, whose exception translator is
	 * {@link #recording}
	 */
	ObservedLockProvider(Supplier<LockProvider> providers, JdbcTemplate jdbc, String table) {
		this.providers = providers;
		this.jdbc = jdbc;
		this.table = table;
		this.delegate = providers.get();
	}

	/**
	 * Wraps a translator so that errors of lock statements are seen by the lock attempt
	 * that caused them.
	 */
	static SQLExceptionTranslator recording(SQLExceptionTranslator translator) {
		return (String task, String sql, SQLException ex) -> {
			DataAccessException translated = translator.translate(task, sql, ex);
			List<Seen> seen = SEEN.get();
			if (seen != null) {
				seen.add(new Seen(sql, translated != null ? translated : new UncategorizedSQLException(task, sql, ex)));
			}
			return translated;
		};
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration configuration) {
		String name = configuration.getName();
		List<Seen> seen = new ArrayList<>();
		SEEN.set(seen);
		try {
			Optional<SimpleLock> lock = delegate.lock(configuration);
			if (lock.isPresent()) {
				recovered(name);
				return lock;
			}
			// a duplicate key on the INSERT is ShedLock's normal way to find the row
			// exists; anything else is a fault
			Optional<Seen> error = seen.stream()
				.filter(s -> !(s.error() instanceof DuplicateKeyException && s.sql() != null
						&& s.sql().strip().regionMatches(true, 0, "INSERT", 0, 6)))
				.findFirst();
			if (error.isPresent()) {
				failed(name, error.get().error());
				return lock;
			}
			if (!rowExists(name)) {
				failed(name, "lock row '" + name + "' is missing from table " + table + " (deleted while running);"
						+ " it is created again on the next run");
				delegate = providers.get(); // forget which rows ShedLock created: the
											// next attempt inserts it
				return lock;
			}
			recovered(name); // held by another node: the lock itself works
			return lock;
		}
		catch (RuntimeException ex) {
			failed(name, ex);
			throw ex;
		}
		finally {
			SEEN.remove();
		}
	}

	private boolean rowExists(String name) {
		try {
			Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE name = ?", Long.class, name);
			return rows != null && rows > 0;
		}
		catch (DataAccessException ex) {
			failed(name, ex);
			return true; // reported as this error instead
		}
	}

	private void failed(String name, Throwable error) {
		failed(name, describe(error), DatabaseBusy.is(error));
	}

	private void failed(String name, String description) {
		failed(name, description, false);
	}

	/**
	 * A busy database (SQLite's one writer held by an import) is one INFO line: the task
	 * runs at its next turn (the rule of {@link DatabaseBusy}).
	 */
	private void failed(String name, String description, boolean busy) {
		Instant now = Instant.now();
		Failure previous = failures.get(name);
		Instant since = previous != null && previous.busy() && busy ? previous.since() : now;
		failures.put(name, new Failure(now, description, busy, since));
		if (previous == null && busy) {
			log.info("Scheduler lock '{}' not taken, the database is busy; the task runs at its next turn: {}", name,
					description);
		}
		else if (previous == null) {
			log.warn("Scheduler lock '{}' could not be taken: {}", name, description);
		}
	}

	private void recovered(String name) {
		if (failures.remove(name) != null) {
			log.info("Scheduler lock '{}' is taken again", name);
		}
	}

	/**
	 * Lock name → the failure of its latest attempt, for locks whose latest attempt
	 * failed and that health reports ({@link Failure#reported}).
	 */
	Map<String, Failure> failures() {
		Instant now = Instant.now();
		Map<String, Failure> reported = new HashMap<>();
		failures.forEach((name, failure) -> {
			if (failure.reported(now)) {
				reported.put(name, failure);
			}
		});
		return reported;
	}

	static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}

}
