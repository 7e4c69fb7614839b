package io.inkstone.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inkstone.secrets.*}: the key that encrypts secrets stored in the database (the
 * SMTP password), so a database dump or a backup archive holds no secret in plain text.
 *
 * @param key any string of at least 32 characters (e.g. {@code openssl rand -base64 32});
 * without it, a single node generates a random key once in {@code <data-dir>/secrets.key}
 * (mode 600, never put in a backup archive). Cluster mode requires it, the same on every
 * node.
 */
@ConfigurationProperties(prefix = "inkstone.secrets")
public record SecretsProperties(String key) {
}
