package io.inkstone.articles;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled drafts when their time comes (checked every 10 s, so within a
 * minute). One node at a time runs it (ShedLock); the conditional UPDATE publishes each
 * article once even if two ran. The schedule lives in the database, so it survives
 * restarts.
 */
@Component
@Profile("!import")
class ScheduledPublisher {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

	private final Articles articles;

	private final Counter published;

	private final Clock clock;

	ScheduledPublisher(Articles articles, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.articles = articles;
		this.published = Counter.builder("inkstone.articles.scheduled.published")
			.description("scheduled drafts published by this node")
			.register(meters);
	}

	@Scheduled(fixedDelay = 10_000, initialDelay = 2_000)
	@SchedulerLock(name = "inkstone-scheduled-publish", lockAtMostFor = "PT1M")
	void publishDue() {
		int count = articles.publishDue(clock.millis());
		if (count > 0) {
			published.increment(count);
			log.info("Published {} scheduled article(s)", count);
		}
	}

}
