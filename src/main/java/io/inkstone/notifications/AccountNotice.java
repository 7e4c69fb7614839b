package io.inkstone.notifications;

import java.util.Map;

import io.inkstone.shared.Ids;

/**
 * Asks for the mail {@code notice} (template {@code notifications/mail/<notice>.jte}) to
 * an account: its address and name (template parameter {@code name}) are looked up when
 * it is sent. Sent after commit, retried, once, like {@link MailNotice}.
 */
public record AccountNotice(long id, long accountId, String notice, Map<String, String> values) {

	public static AccountNotice of(long accountId, String notice, Map<String, String> values) {
		return new AccountNotice(Ids.next(), accountId, notice, Map.copyOf(values));
	}

}
