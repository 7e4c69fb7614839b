package io.inkstone.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets the server makes itself, once, and keeps in the database so they survive
 * restarts and every node of a cluster uses the same (the first node to start inserts a
 * random one; the others read it).
 */
@Component
public class ServerSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	private final Clock clock;

	ServerSecrets(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The secret named {@code name}: 256 random bits, generated on first use. */
	public byte[] get(String name) {
		return known.computeIfAbsent(name, this::load);
	}

	private byte[] load(String name) {
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		jdbc.sql(
				"INSERT INTO server_secrets (name, secret, created_at) VALUES (:name, :secret, :now) ON CONFLICT (name) DO NOTHING")
			.param("name", name)
			.param("secret", Base64.getEncoder().encodeToString(fresh))
			.param("now", clock.millis())
			.update();
		String stored = jdbc.sql("SELECT secret FROM server_secrets WHERE name = :name")
			.param("name", name)
			.query(String.class)
			.single();
		return Base64.getDecoder().decode(stored);
	}

}
