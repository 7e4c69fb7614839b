package io.inkstone.notifications;

import java.util.Map;

import io.inkstone.shared.Ids;

/**
 * The mail copy of a message-centre notice of {@code kind} to an account (template
 * {@code notifications/mail/message.jte}). Sent after commit if the account wants this
 * kind by mail (checked at send time), with a one-click unsubscribe link for the kind;
 * once.
 *
 * @param id names this mail, so a redelivery does not send it twice
 * @param lines the notice's one line in each language, by language code ({@code zh},
 * {@code en})
 * @param note the text that came with it (a reply, a statement of reasons), or null
 * @param code the reason code of a review outcome, or null
 * @param link the site path the notice points to
 */
public record MessageMail(long id, long accountId, NoticeKind kind, Map<String, String> lines, String note, String code,
		String link) {

	public static MessageMail of(long accountId, NoticeKind kind, Map<String, String> lines, String note, String code,
			String link) {
		return new MessageMail(Ids.next(), accountId, kind, Map.copyOf(lines), note, code, link);
	}

}
