package io.inkstone.notifications;

import java.util.Map;

import io.inkstone.shared.Ids;

/**
 * Asks for the mail {@code notice} (template {@code notifications/mail/<notice>.jte}) to
 * an address that need not be an account's (a new address, a rights holder). Publish it
 * in the transaction that decides it: it is sent after commit, retried until the SMTP
 * server takes it, once ({@code id}).
 *
 * @param id names this mail, so a redelivery does not send it twice
 * @param to the address
 * @param notice the template's name
 * @param values the template's parameters
 */
public record MailNotice(long id, String to, String notice, Map<String, String> values) {

	public static MailNotice of(String to, String notice, Map<String, String> values) {
		return new MailNotice(Ids.next(), to, notice, Map.copyOf(values));
	}

}
