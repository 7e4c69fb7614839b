package io.inkstone.notifications;

/**
 * A mail written out before mails became templates ({@code MailNotice},
 * {@code AccountNotice} and {@code MessageMail} with their {@code subject} and
 * {@code text}): a migration turned deliveries of them that were still waiting for the
 * SMTP server into this type, so none is lost on upgrade. Nothing publishes it any more;
 * remove it once no installation can hold such a delivery.
 *
 * @param to the address, or null for an account's mail
 * @param accountId the account, or null for a mail to an address
 * @param kind the notice kind of a message-centre mail, or null
 */
public record RenderedMail(String to, Long accountId, NoticeKind kind, String subject, String text) {
}
