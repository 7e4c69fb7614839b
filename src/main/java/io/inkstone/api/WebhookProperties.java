package io.inkstone.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.webhooks.*}.
 *
 * @param allowPrivateTargets deliver to loopback, private, link-local and other
 * non-public addresses too (off: such targets are refused when registered and again
 * before every delivery, against SSRF)
 * @param firstRetry the wait before the first retry of a failed delivery; it doubles each
 * time
 * @param maxRetry the longest wait between retries
 * @param maxAttempts attempts before a delivery is given up (marked failed in the log)
 * @param timeout connect and response timeout of one delivery
 */
@ConfigurationProperties(prefix = "inkstone.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("8") int maxAttempts,
		@DefaultValue("10s") Duration timeout) {
}
