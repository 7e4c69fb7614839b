package io.inkstone.notifications;

/**
 * A plain-text e-mail to an address that may not be an account (a rights holder), sent by
 * the accounts module.
 */
public record MailNotice(String to, String subject, String text) {
}
