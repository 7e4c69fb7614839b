package io.inkstone.notifications;

import java.util.HashMap;
import java.util.Map;

import io.inkstone.shared.PublicUrl;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends every mail the platform sends: requests from other modules ({@link MailNotice} to
 * an address, {@link AccountNotice} to an account) and the mail copies of message-centre
 * notices ({@link MessageMail}, as each account chooses), each written from its template
 * ({@link MailTemplates}). Each request is stored with the deciding transaction (the
 * event publication registry) and handled here after it commits, asynchronously and
 * outside any transaction: a rolled-back decision sends nothing, and a failed send
 * throws, so the delivery is retried until the SMTP server takes it (see
 * {@code io.inkstone.events}). A mail already sent is not sent again when its delivery is
 * redelivered ({@link MailDeliveries}). The listener ids are fixed so that stored
 * deliveries survive renaming these methods.
 */
@Component
class NoticeMails {

	private final MailRecipients recipients;

	private final Mailer mailer;

	private final MailPreferences preferences;

	private final PublicUrl publicUrl;

	private final MailTemplates templates;

	private final MailDeliveries deliveries;

	NoticeMails(MailRecipients recipients, Mailer mailer, MailPreferences preferences, PublicUrl publicUrl,
			MailTemplates templates, MailDeliveries deliveries) {
		this.recipients = recipients;
		this.mailer = mailer;
		this.preferences = preferences;
		this.publicUrl = publicUrl;
		this.templates = templates;
		this.deliveries = deliveries;
	}

	@ApplicationModuleListener(id = "notifications.mail-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(MailNotice notice) {
		if (!mailer.configured() || deliveries.sent(notice.id())) {
			return;
		}
		MailTemplates.Mail mail = templates.render(notice.notice(), notice.values());
		mailer.send(notice.to(), mail.subject(), mail.text());
		deliveries.recordSent(notice.id());
	}

	@ApplicationModuleListener(id = "notifications.account-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(AccountNotice notice) {
		if (!mailer.configured() || deliveries.sent(notice.id())) {
			return;
		}
		recipients.find(notice.accountId()).ifPresent(account -> {
			Map<String, String> values = new HashMap<>(notice.values());
			values.put("name", account.displayName());
			MailTemplates.Mail mail = templates.render(notice.notice(), values);
			mailer.send(account.email(), mail.subject(), mail.text());
			deliveries.recordSent(notice.id());
		});
	}

	/**
	 * The mail copy of a message-centre notice, if the account still wants this kind by
	 * mail, with a one-click unsubscribe link (RFC 8058) for the kind.
	 */
	@ApplicationModuleListener(id = "notifications.message-mail", propagation = Propagation.NOT_SUPPORTED)
	void on(MessageMail message) {
		if (!mailer.configured() || !preferences.wantsMail(message.accountId(), message.kind())
				|| deliveries.sent(message.id())) {
			return;
		}
		recipients.find(message.accountId()).ifPresent(account -> {
			String unsubscribe = unsubscribeLink(message.accountId(), message.kind());
			Map<String, Object> values = new HashMap<>();
			values.put("name", account.displayName());
			values.put("lines", message.lines());
			values.put("note", message.note());
			values.put("code", message.code());
			values.put("link", publicUrl.absolute(message.link()));
			values.put("unsubscribe", unsubscribe);
			values.put("settings", publicUrl.absolute("/account/notifications"));
			MailTemplates.Mail mail = templates.render("message", values);
			mailer.send(account.email(), mail.subject(), mail.text(), unsubscribe);
			deliveries.recordSent(message.id());
		});
	}

	/**
	 * A mail stored before mails became templates (see {@link RenderedMail}): sent as it
	 * was written.
	 */
	@ApplicationModuleListener(id = "notifications.rendered-mail", propagation = Propagation.NOT_SUPPORTED)
	void on(RenderedMail mail) {
		if (!mailer.configured()) {
			return;
		}
		if (mail.to() != null) {
			mailer.send(mail.to(), mail.subject(), mail.text());
			return;
		}
		if (mail.accountId() == null
				|| (mail.kind() != null && !preferences.wantsMail(mail.accountId(), mail.kind()))) {
			return;
		}
		recipients.find(mail.accountId())
			.ifPresent(account -> mailer.send(account.email(), mail.subject(), mail.text(),
					mail.kind() == null ? null : unsubscribeLink(mail.accountId(), mail.kind())));
	}

	private String unsubscribeLink(long accountId, NoticeKind kind) {
		return publicUrl.absolute("/mail/unsubscribe?t=" + preferences.unsubscribeToken(accountId, kind));
	}

}
