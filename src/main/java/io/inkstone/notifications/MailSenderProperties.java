package io.inkstone.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.mail.*} (the SMTP server itself is Spring Boot's {@code spring.mail.*},
 * or what an admin sets at {@code /admin/settings}).
 *
 * @param from the sender address of every mail the platform sends, unless an admin sets
 * another
 * @param sslTrust hosts whose TLS certificate is trusted without a check ({@code *}:
 * all), for an SMTP server set in the page; empty (the default) checks every certificate
 * and the server's name. Only for a server with a private certificate (and tests).
 */
@ConfigurationProperties(prefix = "inkstone.mail")
record MailSenderProperties(@DefaultValue("noreply@inkstone.invalid") String from, @DefaultValue("") String sslTrust) {
}
