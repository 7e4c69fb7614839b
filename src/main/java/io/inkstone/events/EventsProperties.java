package io.inkstone.events;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.events.*}: how failed deliveries (a mail while the SMTP server is down)
 * are retried.
 *
 * @param firstRetry how long after publication (or the previous retry) a delivery that
 * has not completed is tried again; each further retry waits twice as long
 * @param maxRetry the longest wait between two retries
 * @param checkEvery how often the redelivery job looks for due deliveries
 */
@ConfigurationProperties(prefix = "inkstone.events")
@Validated
public record EventsProperties(@NotNull Duration firstRetry, @NotNull Duration maxRetry, @NotNull Duration checkEvery) {
}
