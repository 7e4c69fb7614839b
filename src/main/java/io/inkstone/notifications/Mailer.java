package io.inkstone.notifications;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.inkstone.events.DeliveryFailed;
import io.inkstone.shared.SecretBox;
import io.inkstone.shared.SiteSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text mail through the SMTP server an admin set at {@code /admin/settings}
 * ({@link SiteSettings#MAIL_HOST} and its siblings, followed live on every node), else
 * through the configured one ({@code spring.mail.*}, {@code inkstone.mail.from}); does
 * nothing without either. Only the notice listener ({@link NoticeMails}) and the admin's
 * test send ({@link MailCheck}) call it, after commit and outside any transaction: SMTP
 * never holds a database lock. A mail that cannot be sent is logged (one line) and fails
 * the delivery, which is retried.
 */
@Component
// the SMTP settings are bound even when no server is configured (Boot binds them only
// when spring.mail.host is set)
@EnableConfigurationProperties(MailProperties.class)
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	/**
	 * How long a server set in the page may take to accept a connection, in milliseconds.
	 */
	static final int CONNECT_TIMEOUT_MS = 5000;

	/**
	 * How long it may take to answer (read and write timeouts), in milliseconds: a server
	 * that scans a message before its "250" can take many seconds, and a mail given up
	 * while the server keeps it is sent again on retry, so a notice arrived twice with 5
	 * s. RFC 5321 allows minutes; one minute stays well inside the five after which a
	 * delivery still running counts as interrupted.
	 */
	static final int REPLY_TIMEOUT_MS = 60_000;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String host;

	private final SiteSettings settings;

	private final SecretBox secrets;

	private final MailSenderProperties properties;

	/** The sender built for the stored settings it was built from. */
	private volatile Built built;

	private record Built(Server server, JavaMailSenderImpl sender) {
	}

	/** An SMTP server as stored in the settings. */
	record Server(String host, int port, String security, String username, String password, String from,
			String fromName) {
	}

	/** Where a mail goes out: the sender and the From address. */
	private record Route(JavaMailSender sender, String from, String fromName) {
	}

	Mailer(ObjectProvider<JavaMailSender> mail, MailSenderProperties properties, MailProperties smtp,
			SiteSettings settings, SecretBox secrets) {
		this.secrets = secrets;
		this.mail = mail;
		this.properties = properties;
		this.from = properties.from();
		this.host = smtp.getHost() == null ? "" : smtp.getHost();
		this.settings = settings;
	}

	boolean configured() {
		return stored().isPresent() || (!host.isBlank() && mail.getIfAvailable() != null);
	}

	/**
	 * Whether an admin set a server whose stored password cannot be decrypted here: it
	 * was encrypted under another key (a backup restored on another machine). That server
	 * is not used until the password is entered again.
	 */
	boolean passwordUnreadable() {
		return settings.value(SiteSettings.MAIL_HOST).filter(h -> !h.isBlank()).isPresent()
				&& settings.value(SiteSettings.MAIL_PASSWORD)
					.filter(p -> !p.isEmpty())
					.map(p -> secrets.decrypt(p).isEmpty())
					.orElse(false);
	}

	/**
	 * The server an admin set, if any (a host is what makes it set) and its password can
	 * be read.
	 */
	Optional<Server> stored() {
		Optional<String> storedHost = settings.value(SiteSettings.MAIL_HOST).filter(h -> !h.isBlank());
		if (storedHost.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> password = settings.value(SiteSettings.MAIL_PASSWORD)
			.filter(p -> !p.isEmpty())
			.map(secrets::decrypt)
			.orElse(Optional.of(""));
		if (password.isEmpty()) {
			return Optional.empty();
		}
		int port;
		try {
			port = Integer.parseInt(settings.value(SiteSettings.MAIL_PORT).orElse("465"));
		}
		catch (NumberFormatException ex) {
			port = 465;
		}
		return Optional.of(new Server(storedHost.get(), port, settings.value(SiteSettings.MAIL_SECURITY).orElse("ssl"),
				settings.value(SiteSettings.MAIL_USERNAME).orElse(""), password.get(),
				settings.value(SiteSettings.MAIL_FROM).filter(f -> !f.isBlank()).orElse(from),
				settings.value(SiteSettings.MAIL_FROM_NAME).filter(f -> !f.isBlank()).orElse(null)));
	}

	private Optional<Route> route() {
		Optional<Server> server = stored();
		if (server.isPresent()) {
			Built b = built;
			if (b == null || !b.server().equals(server.get())) {
				b = new Built(server.get(), sender(server.get(), properties.sslTrust()));
				built = b;
			}
			return Optional.of(new Route(b.sender(), server.get().from(), server.get().fromName()));
		}
		JavaMailSender configuredSender = host.isBlank() ? null : mail.getIfAvailable();
		return Optional.ofNullable(configuredSender).map(s -> new Route(s, from, null));
	}

	static JavaMailSenderImpl sender(Server server, String sslTrust) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(server.host());
		sender.setPort(server.port());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		boolean auth = !server.username().isBlank();
		if (auth) {
			sender.setUsername(server.username());
			sender.setPassword(server.password());
		}
		Properties props = new Properties();
		props.put("mail.smtp.auth", Boolean.toString(auth));
		props.put("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
		props.put("mail.smtp.timeout", Integer.toString(REPLY_TIMEOUT_MS));
		props.put("mail.smtp.writetimeout", Integer.toString(REPLY_TIMEOUT_MS));
		switch (server.security()) {
			case "ssl" -> {
				props.put("mail.smtp.ssl.enable", "true");
				props.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(sslTrust.isBlank()));
			}
			case "starttls" -> {
				props.put("mail.smtp.starttls.enable", "true");
				props.put("mail.smtp.starttls.required", "true");
				props.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(sslTrust.isBlank()));
			}
			default -> {
			}
		}
		if (!sslTrust.isBlank()) {
			props.put("mail.smtp.ssl.trust", sslTrust);
		}
		sender.setJavaMailProperties(props);
		return sender;
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
		try {
			sendNow(to, subject, text, unsubscribe);
		}
		catch (MailException | MessagingException ex) {
			String masked = to.replaceAll("(?<=.).(?=[^@]*@)", "*");
			String reason = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ");
			log.warn("Mail to {} not sent, will be retried: {}", masked,
					reason.length() > 300 ? reason.substring(0, 300) + "…" : reason);
			throw new DeliveryFailed("mail to " + masked + " not sent");
		}
	}

	/**
	 * Sends at once and lets the failure through (the test send tells the admin what went
	 * wrong); false when no server is set or configured.
	 */
	boolean sendNow(String to, String subject, String text, String unsubscribe) throws MessagingException {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("mail must not be sent inside a database transaction");
		}
		Optional<Route> route = route();
		if (route.isEmpty()) {
			return false;
		}
		JavaMailSender sender = route.get().sender();
		if (unsubscribe == null && route.get().fromName() == null) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(route.get().from());
			message.setTo(to);
			message.setSubject(subject);
			message.setText(text);
			sender.send(message);
			return true;
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		if (route.get().fromName() == null) {
			helper.setFrom(route.get().from());
		}
		else {
			try {
				helper.setFrom(new InternetAddress(route.get().from(), route.get().fromName(), "UTF-8"));
			}
			catch (UnsupportedEncodingException ex) {
				helper.setFrom(route.get().from());
			}
		}
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(text);
		if (unsubscribe != null) {
			message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		sender.send(message);
		return true;
	}

}
