package io.inkstone.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends plain-text mail through the configured SMTP server; does nothing (and says so) without one. */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String host;

	Mailer(ObjectProvider<JavaMailSender> mail, @Value("${inkstone.mail.from}") String from,
			@Value("${spring.mail.host:}") String host) {
		this.mail = mail;
		this.from = from;
		this.host = host;
	}

	boolean configured() {
		return !host.isBlank() && mail.getIfAvailable() != null;
	}

	void send(String to, String subject, String text) {
		if (!configured()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			mail.getObject().send(message);
		}
		catch (RuntimeException ex) {
			log.warn("Mail to {} not sent: {}", to.replaceAll("(?<=.).(?=[^@]*@)", "*"), ex.getMessage());
		}
	}

}
