package io.inkstone.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.mail.*} (the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}).
 *
 * @param from the sender address of every mail the platform sends
 */
@ConfigurationProperties(prefix = "inkstone.mail")
record MailSenderProperties(@DefaultValue("noreply@inkstone.invalid") String from) {
}
