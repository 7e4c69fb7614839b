package io.inkstone.api;

/**
 * One delivery of an event to an endpoint: the delivery log's line. {@code status}:
 * pending, delivered, failed.
 */
public record WebhookDelivery(long id, long webhookId, String event, String payload, String status, int attempts,
		long nextAttempt, Integer lastStatus, String lastError, long createdAt, Long deliveredAt) {
}
