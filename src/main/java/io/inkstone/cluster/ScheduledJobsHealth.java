package io.inkstone.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

/**
 * Makes a failing background job visible: {@code /actuator/health} turns DOWN (component {@code jobs})
 * while any scheduled job's last run failed, and the gauge {@code inkstone.jobs.failing{job}} is 1 for
 * it. Before this, a job that failed every round (ShedLock on SQLite after a restart) only wrote log lines.
 */
@Component("jobs")
class ScheduledJobsHealth implements HealthIndicator {

	private final ObjectProvider<ScheduledTaskHolder> holders;

	private final MeterRegistry meters;

	ScheduledJobsHealth(ObjectProvider<ScheduledTaskHolder> holders, MeterRegistry meters) {
		this.holders = holders;
		this.meters = meters;
	}

	@Override
	public Health health() {
		Map<String, Object> failing = new TreeMap<>();
		List<Task> tasks = tasks();
		for (Task task : tasks) {
			TaskExecutionOutcome outcome = task.getLastExecutionOutcome();
			if (outcome.status() == TaskExecutionOutcome.Status.ERROR) {
				failing.put(name(task), outcome.executionTime() + " " + describe(outcome.throwable()));
			}
		}
		Health.Builder health = failing.isEmpty() ? Health.up() : Health.down();
		return health.withDetail("jobs", tasks.size()).withDetails(failing).build();
	}

	/** Scheduled tasks are registered when the context has refreshed, so the gauges come after that. */
	@EventListener(ApplicationReadyEvent.class)
	void registerGauges() {
		for (Task task : tasks()) {
			Gauge.builder("inkstone.jobs.failing", task,
					t -> t.getLastExecutionOutcome().status() == TaskExecutionOutcome.Status.ERROR ? 1 : 0)
				.description("1 while the scheduled job's last run failed")
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

	/** "io.inkstone.articles.ScheduledPublisher.publishDue" → "ScheduledPublisher.publishDue". */
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
