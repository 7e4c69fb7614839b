package io.inkstone.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a scheduled task's failure is worth in the log. Every task (publishing due
 * articles, webhooks, pings, the change feed, event redelivery) runs again at its next
 * turn, so a database that was busy for a moment — SQLite's one writer held by an import
 * on a loaded machine — is one INFO line, not an ERROR with a stack trace; anything else
 * stays an ERROR.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskErrors {

	private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

	@Bean
	ThreadPoolTaskSchedulerCustomizer busyDatabaseIsNotAnError() {
		return scheduler -> scheduler.setErrorHandler(ScheduledTaskErrors::handle);
	}

	static void handle(Throwable ex) {
		if (DatabaseBusy.is(ex)) {
			log.info("A scheduled task found the database busy and runs again at its next turn: {}",
					DatabaseBusy.rootMessage(ex));
			return;
		}
		log.error("Unexpected error occurred in scheduled task", ex);
	}

}
