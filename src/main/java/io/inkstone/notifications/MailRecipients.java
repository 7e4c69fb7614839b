package io.inkstone.notifications;

import java.util.Optional;

/**
 * What the notifications module asks of the module that keeps the accounts (implemented
 * by accounts, which depends on notifications): the address and name a mail to an account
 * goes to, looked up when it is sent, so a changed address is used.
 */
public interface MailRecipients {

	/** The account's address and display name; empty for an account that is gone. */
	Optional<Recipient> find(long accountId);

	/** Where a mail to an account goes, and the name it greets. */
	record Recipient(String email, String displayName) {
	}

}
