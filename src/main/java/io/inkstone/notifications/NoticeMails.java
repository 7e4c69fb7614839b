package io.inkstone.notifications;

import io.inkstone.shared.PublicUrl;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Every mail the platform sends: notices from other modules ({@link AccountNotice},
 * {@link MailNotice}), the mail copies of message-centre notices ({@link MessageMail}, as
 * each account chooses) and this module's own links (verification, password reset). Each
 * is stored with the deciding transaction (the event publication registry) and sent after
 * it commits, asynchronously and outside any transaction; a failed send throws, so the
 * delivery is retried until the SMTP server takes it (see {@code io.inkstone.events}). A
 * rolled-back decision sends nothing. The listener ids are fixed so that stored
 * deliveries survive renaming these methods.
 */
@Component
class NoticeMails {

	private final MailRecipients recipients;

	private final Mailer mailer;

	private final MailPreferences preferences;

	private final PublicUrl publicUrl;

	private final MailTexts mailTexts;

	NoticeMails(MailRecipients recipients, Mailer mailer, MailPreferences preferences, PublicUrl publicUrl,
			MailTexts mailTexts) {
		this.recipients = recipients;
		this.mailer = mailer;
		this.preferences = preferences;
		this.publicUrl = publicUrl;
		this.mailTexts = mailTexts;
	}

	@ApplicationModuleListener(id = "accounts.mail-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(MailNotice notice) {
		mailer.send(notice.to(), notice.subject(), notice.text());
	}

	@ApplicationModuleListener(id = "accounts.account-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(AccountNotice notice) {
		recipients.find(notice.accountId())
			.ifPresent(account -> mailer.send(account.email(), notice.subject(),
					mailTexts.line("mail.greeting", account.displayName()) + "\n\n" + notice.text()));
	}

	/**
	 * The mail copy of a message-centre notice, if the account still wants this kind by
	 * mail, with a one-click unsubscribe link (RFC 8058) for the kind.
	 */
	@ApplicationModuleListener(id = "accounts.message-mail", propagation = Propagation.NOT_SUPPORTED)
	void on(MessageMail mail) {
		if (!mailer.configured() || !preferences.wantsMail(mail.accountId(), mail.kind())) {
			return;
		}
		recipients.find(mail.accountId()).ifPresent(account -> {
			String unsubscribe = publicUrl
				.absolute("/mail/unsubscribe?t=" + preferences.unsubscribeToken(mail.accountId(), mail.kind()));
			mailer.send(account.email(), mail.subject(), mailTexts.line("mail.greeting", account.displayName()) + "\n\n"
					+ mail.text() + "\n\n——\n" + mailTexts.line("mail.footer.unsubscribe", unsubscribe) + "\n"
					+ mailTexts.line("mail.footer.settings", publicUrl.absolute("/account/notifications")) + "\n",
					unsubscribe);
		});
	}

}
