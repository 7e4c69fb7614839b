package io.inkstone.accounts;

import java.util.Optional;

import io.inkstone.notifications.MailPreferences;
import io.inkstone.notifications.MailRecipients;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The accounts side of mail: the address of an account for the notifications module, and
 * an account's mail choices forgotten with the account (in the deleting transaction).
 */
@Component
class AccountMailRecipients implements MailRecipients {

	private final AccountRepository accounts;

	private final MailPreferences preferences;

	AccountMailRecipients(AccountRepository accounts, MailPreferences preferences) {
		this.accounts = accounts;
		this.preferences = preferences;
	}

	@Override
	public Optional<Recipient> find(long accountId) {
		return accounts.findById(accountId).map(account -> new Recipient(account.email(), account.displayName()));
	}

	@EventListener
	void on(AccountDeleted deleted) {
		preferences.forget(deleted.accountId());
	}

}
