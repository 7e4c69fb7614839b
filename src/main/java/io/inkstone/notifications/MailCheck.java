package io.inkstone.notifications;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The admin's "send test mail": one mail, at once, through the server mail goes out by
 * now, and what happened in words a person understands (never a stack trace). The caller
 * limits how often.
 */
@Component
public class MailCheck {

	private static final Logger log = LoggerFactory.getLogger(MailCheck.class);

	/** What a test send found. */
	public enum Result {

		SENT, NOT_CONFIGURED, PASSWORD_UNREADABLE, CONNECTION_REFUSED, UNKNOWN_HOST, TIMEOUT, AUTHENTICATION, TLS,
		REJECTED, FAILED

	}

	private final Mailer mailer;

	private final MailTemplates templates;

	MailCheck(Mailer mailer, MailTemplates templates) {
		this.mailer = mailer;
		this.templates = templates;
	}

	/**
	 * Whether the SMTP password an admin stored cannot be decrypted with this site's key
	 * (a backup restored where the key is not): it must be entered again.
	 */
	public boolean passwordUnreadable() {
		return mailer.passwordUnreadable();
	}

	/** Sends the test mail to {@code to}; the site name is in the text. */
	public Result sendTest(String to, String siteName) {
		if (mailer.passwordUnreadable()) {
			return Result.PASSWORD_UNREADABLE;
		}
		try {
			MailTemplates.Mail mail = templates.render("mailTest", Map.of("site", siteName));
			boolean sent = mailer.sendNow(to, mail.subject(), mail.text(), null);
			return sent ? Result.SENT : Result.NOT_CONFIGURED;
		}
		catch (MailException | MessagingException | IllegalStateException ex) {
			Result result = classify(ex);
			log.info("Test mail not sent ({}): {}", result, String.valueOf(ex.getMessage()).replaceAll("\\s+", " "));
			return result;
		}
	}

	/** The most telling cause in the chain. */
	static Result classify(Throwable failure) {
		if (failure instanceof MailAuthenticationException) {
			return Result.AUTHENTICATION;
		}
		Result found = Result.FAILED;
		for (Throwable t = failure; t != null; t = next(t)) {
			if (t instanceof AuthenticationFailedException) {
				return Result.AUTHENTICATION;
			}
			if (t instanceof SSLException) {
				return Result.TLS;
			}
			if (t instanceof UnknownHostException) {
				return Result.UNKNOWN_HOST;
			}
			if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
				return Result.CONNECTION_REFUSED;
			}
			if (t instanceof SocketTimeoutException) {
				return Result.TIMEOUT;
			}
			String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("starttls") || message.contains("ssl") || message.contains("tls")) {
				found = Result.TLS;
			}
			else if (t instanceof SendFailedException && found == Result.FAILED) {
				found = Result.REJECTED;
			}
			else if ((message.contains("authentication") || message.contains("auth ")) && found == Result.FAILED) {
				found = Result.AUTHENTICATION;
			}
		}
		return found;
	}

	private static Throwable next(Throwable t) {
		if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
			return m.getNextException();
		}
		return t.getCause() == t ? null : t.getCause();
	}

}
