package io.inkstone.accounts;

/**
 * A 申请入驻 application was decided. The message centre tells the applicant (and mails them
 * if they want); {@code applicationId} makes a redelivered event recognisable (0 in
 * events stored before it existed).
 */
public record ApplicationDecided(long accountId, boolean approved, String reason, long applicationId) {
}
