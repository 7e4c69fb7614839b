package io.inkstone.notifications;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed test send is told by its cause, however deep Jakarta Mail and Spring wrapped
 * it.
 */
class MailCheckTests {

	private static MailSendException wrapped(Exception cause) {
		return new MailSendException("Mail server connection failed", new MessagingException("wrapped", cause));
	}

	@Test
	void namesTheCauseInsideTheWrappers() {
		assertThat(MailCheck.classify(wrapped(new ConnectException("Connection refused"))))
			.isEqualTo(MailCheck.Result.CONNECTION_REFUSED);
		assertThat(MailCheck.classify(wrapped(new UnknownHostException("smtp.qq.con"))))
			.isEqualTo(MailCheck.Result.UNKNOWN_HOST);
		assertThat(MailCheck.classify(wrapped(new SocketTimeoutException("Read timed out"))))
			.isEqualTo(MailCheck.Result.TIMEOUT);
		assertThat(MailCheck.classify(wrapped(new SSLHandshakeException("PKIX path building failed"))))
			.isEqualTo(MailCheck.Result.TLS);
		assertThat(MailCheck.classify(new MailAuthenticationException(new AuthenticationFailedException("535"))))
			.isEqualTo(MailCheck.Result.AUTHENTICATION);
		assertThat(MailCheck.classify(wrapped(new AuthenticationFailedException("535 Error: authentication failed"))))
			.isEqualTo(MailCheck.Result.AUTHENTICATION);
		assertThat(MailCheck.classify(new MailSendException("x",
				new MessagingException("STARTTLS is required but host does not support STARTTLS"))))
			.isEqualTo(MailCheck.Result.TLS);
		assertThat(MailCheck.classify(wrapped(new SendFailedException("553 Mail from must equal authorized user"))))
			.isEqualTo(MailCheck.Result.REJECTED);
		assertThat(MailCheck.classify(new MailSendException("something else"))).isEqualTo(MailCheck.Result.FAILED);
	}

}
