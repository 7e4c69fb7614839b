package io.inkstone.accounts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import io.inkstone.events.DeliveryFailed;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text mail through the configured SMTP server; does nothing without one.
 * Only the notice listener ({@link NoticeMails}) calls it, after commit and outside any
 * transaction: SMTP never holds a database lock. A mail that cannot be sent is logged
 * (one line) and fails the delivery, which is retried.
 */
@Component
// the SMTP settings are bound even when no server is configured (Boot binds them only
// when spring.mail.host is set)
@EnableConfigurationProperties(MailProperties.class)
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String host;

	Mailer(ObjectProvider<JavaMailSender> mail, MailSenderProperties properties, MailProperties smtp) {
		this.mail = mail;
		this.from = properties.from();
		this.host = smtp.getHost() == null ? "" : smtp.getHost();
	}

	boolean configured() {
		return !host.isBlank() && mail.getIfAvailable() != null;
	}

	void send(String to, String subject, String text) {
		send(to, subject, text, null);
	}

	/**
	 * Sends a plain-text mail; with an {@code unsubscribe} URL it carries the RFC 2369 /
	 * RFC 8058 headers ({@code List-Unsubscribe} and
	 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}) so mail clients offer
	 * one-click unsubscribe.
	 */
	void send(String to, String subject, String text, String unsubscribe) {
		if (!configured()) {
			return;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("mail must not be sent inside a database transaction");
		}
		try {
			JavaMailSender sender = mail.getObject();
			if (unsubscribe == null) {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(from);
				message.setTo(to);
				message.setSubject(subject);
				message.setText(text);
				sender.send(message);
			}
			else {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(from);
				helper.setTo(to);
				helper.setSubject(subject);
				helper.setText(text);
				message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				sender.send(message);
			}
		}
		catch (MailException | MessagingException ex) {
			String masked = to.replaceAll("(?<=.).(?=[^@]*@)", "*");
			String reason = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ");
			log.warn("Mail to {} not sent, will be retried: {}", masked,
					reason.length() > 300 ? reason.substring(0, 300) + "…" : reason);
			throw new DeliveryFailed("mail to " + masked + " not sent");
		}
	}

}
