package io.inkstone.notifications;

/**
 * The mail copy of a message-centre notice of {@code kind} to an account. The accounts
 * module sends it after commit if the account wants this kind by mail (checked at send
 * time), with a one-click unsubscribe link for the kind.
 */
public record MessageMail(long accountId, NoticeKind kind, String subject, String text) {
}
