/**
 * Notifications: every mail the platform sends. The SMTP {@code Mailer} (the server an
 * admin sets at {@code /admin/settings}, else {@code spring.mail.*}) and the admin's test
 * send ({@link io.inkstone.notifications.MailCheck}); the mail texts; which kinds of
 * message-centre notice an account also wants by mail, with signed one-click unsubscribe
 * links ({@code /account/notifications}, {@code /mail/unsubscribe}; table
 * {@code mail_preferences}); the mails already sent ({@code mail_deliveries}). Each mail
 * is a plain-text JTE template, {@code src/main/jte/notifications/mail/<notice>.jte},
 * with its words from the message bundles, rendered Chinese then English. Other modules
 * ask for a mail with an event ({@link io.inkstone.notifications.MailNotice},
 * {@link io.inkstone.notifications.AccountNotice},
 * {@link io.inkstone.notifications.MessageMail}) published in their transaction; it is
 * sent after commit by an {@code @ApplicationModuleListener}, durably (the event
 * publication registry of {@code events} retries a failed send), never inside a
 * transaction, and once (a redelivered request that was sent already sends nothing). An
 * account's address comes from the accounts module through the
 * {@link io.inkstone.notifications.MailRecipients} port.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "events", "shared", "web" })
package io.inkstone.notifications;
