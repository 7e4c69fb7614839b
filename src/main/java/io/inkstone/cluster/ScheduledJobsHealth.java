package io.inkstone.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.inkstone.shared.DatabaseBusy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome;
import org.springframework.stereotype.Component;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.util.ClassUtils;

/**
 * Makes a failing background job visible: {@code /actuator/health} turns DOWN (component
 * {@code jobs}) while any scheduled job's last run failed or its last attempt to take its
 * ShedLock lock failed ({@link ObservedLockProvider}: errors ShedLock itself swallows, a
 * deleted lock row) — a database only busy, for a run or a lock, counts after five
 * minutes in a row — and the gauge {@code inkstone.jobs.failing{job}} is 1 for it. Before
 * this, a job that failed every round (ShedLock on SQLite after a restart) only wrote log
 * lines, and a job whose lock could not be taken was silently skipped.
 */
@Component("jobs")
class ScheduledJobsHealth implements HealthIndicator {

	private final ObjectProvider<ScheduledTaskHolder> holders;

	private final MeterRegistry meters;

	private final ObjectProvider<ObservedLockProvider> locks;

	ScheduledJobsHealth(ObjectProvider<ScheduledTaskHolder> holders, MeterRegistry meters,
			ObjectProvider<ObservedLockProvider> locks) {
		this.holders = holders;
		this.meters = meters;
		this.locks = locks;
	}

	@Override
	public Health health() {
		Instant now = Instant.now();
		Map<String, Object> failing = new TreeMap<>();
		Map<String, ObservedLockProvider.Failure> lockFailures = lockFailures();
		List<Task> tasks = tasks();
		for (Task task : tasks) {
			TaskExecutionOutcome outcome = task.getLastExecutionOutcome();
			ObservedLockProvider.Failure lock = lockFailures.remove(lockName(task));
			if (reportedFailure(name(task), outcome, now)) {
				failing.put(name(task), outcome.executionTime() + " " + describe(outcome.throwable()));
			}
			else if (lock != null) {
				// the job did not fail: it was never started, because its lock could not
				// be taken
				failing.put(name(task), lock.at() + " lock not taken: " + lock.description());
			}
		}
		lockFailures
			.forEach((lock, failure) -> failing.put("lock " + lock, failure.at() + " " + failure.description()));
		Health.Builder health = failing.isEmpty() ? Health.up() : Health.down();
		return health.withDetail("jobs", tasks.size()).withDetails(failing).build();
	}

	private boolean failing(Task task) {
		return reportedFailure(name(task), task.getLastExecutionOutcome(), Instant.now())
				|| lockFailures().containsKey(lockName(task));
	}

	/** Jobs whose runs in a row failed only because the database was busy: since when. */
	private final Map<String, Instant> busySince = new ConcurrentHashMap<>();

	/**
	 * Whether this last run is a failure health reports: any error, but a database only
	 * busy (SQLite's writer held by an import or a backup; the job runs again at its next
	 * turn) only once it has been busy for {@link ObservedLockProvider#BUSY_GRACE} in a
	 * row, as for the jobs' locks.
	 */
	boolean reportedFailure(String job, TaskExecutionOutcome outcome, Instant now) {
		if (outcome.status() != TaskExecutionOutcome.Status.ERROR) {
			busySince.remove(job);
			return false;
		}
		if (!DatabaseBusy.is(outcome.throwable())) {
			busySince.remove(job);
			return true;
		}
		Instant at = outcome.executionTime() == null ? now : outcome.executionTime();
		Instant since = busySince.merge(job, at, (first, later) -> first.isBefore(later) ? first : later);
		return !since.plus(ObservedLockProvider.BUSY_GRACE).isAfter(now);
	}

	private Map<String, ObservedLockProvider.Failure> lockFailures() {
		ObservedLockProvider provider = locks.getIfAvailable();
		return provider == null ? new TreeMap<>() : new TreeMap<>(provider.failures());
	}

	private final Map<String, String> lockNames = new ConcurrentHashMap<>();

	/**
	 * The {@code @SchedulerLock} name of the job's method ("" for a job without a lock).
	 */
	String lockName(Task task) {
		return lockNames.computeIfAbsent(task.toString(), full -> {
			int method = full.lastIndexOf('.');
			if (method < 0) {
				return "";
			}
			try {
				Class<?> type = ClassUtils.forName(full.substring(0, method), getClass().getClassLoader());
				for (Method m : type.getDeclaredMethods()) {
					SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
					if (m.getName().equals(full.substring(method + 1)) && lock != null) {
						return lock.name();
					}
				}
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// not a method task: no lock
			}
			return "";
		});
	}

	/**
	 * Scheduled tasks are registered when the context has refreshed, so the gauges come
	 * after that.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void registerGauges() {
		for (Task task : tasks()) {
			Gauge.builder("inkstone.jobs.failing", task, t -> failing(t) ? 1 : 0)
				.description("1 while the scheduled job's last run failed, or its lock could not be taken")
				.tag("job", name(task))
				.register(meters);
		}
	}

	private List<Task> tasks() {
		List<Task> tasks = new ArrayList<>();
		holders.orderedStream().forEach(holder -> {
			for (ScheduledTask scheduled : holder.getScheduledTasks()) {
				tasks.add(scheduled.getTask());
			}
		});
		return tasks;
	}

	/**
	 * "io.inkstone.articles.ScheduledPublisher.publishDue" →
	 * "ScheduledPublisher.publishDue".
	 */
	static String name(Task task) {
		String full = task.toString();
		int method = full.lastIndexOf('.');
		int type = method > 0 ? full.lastIndexOf('.', method - 1) : -1;
		return type >= 0 ? full.substring(type + 1) : full;
	}

	private static String describe(Throwable error) {
		if (error == null) {
			return "";
		}
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}

}
