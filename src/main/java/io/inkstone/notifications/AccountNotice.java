package io.inkstone.notifications;

/**
 * Any module asks for a plain-text e-mail to an account (sent by the accounts module,
 * which knows the address).
 */
public record AccountNotice(long accountId, String subject, String text) {
}
