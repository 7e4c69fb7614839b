package io.inkstone.audit;

/**
 * One audit record. {@code actorId} is null for the system (scheduled jobs, machine
 * checks).
 */
public record AuditEntry(long id, long at, Long actorId, String actorName, String action, String targetType,
		String targetId, String reason, String details) {
}
