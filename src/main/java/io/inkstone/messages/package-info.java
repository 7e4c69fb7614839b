/**
 * Messages (消息中心): every signed-in account's in-site notices — replies to its comments,
 * likes on its articles and comments (one message per subject and day, counting the
 * likers), new followers (per day), 入驻 decisions, review outcomes, moderation decisions
 * with their statement of reasons and appeal link, appeal outcomes. Written by
 * {@code @ApplicationModuleListener}s of the other modules' domain events — after their
 * commit, durably (the event publication registry retries), idempotently (table
 * {@code message_receipts} remembers each event per recipient) — whether or not a mail
 * server is configured. A notice the account wants by mail as well is handed to the
 * notifications module as a {@link io.inkstone.notifications.MessageMail} in the same
 * transaction. Owns {@code messages} and {@code message_receipts}; the page header's
 * unread count comes from here through {@link io.inkstone.web.UnreadMessages}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "creators",
		"engagement", "governance", "notifications", "shared", "web" })
package io.inkstone.messages;
