package io.inkstone.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Duration;

/**
 * Personal access tokens: created with 256 random bits, shown once, stored as a SHA-256
 * hash (a fast hash is enough for a secret with that much entropy: there is nothing to
 * guess). A token carries scopes (read, or read + write) and an optional expiry; revoking
 * is immediate on this node and within seconds on others.
 */
@Service
public class ApiTokens {

	/** Every token starts with this, so secret scanners and people recognise it. */
	static final String PREFIX = "ink_";

	static final int MAX_ACTIVE_PER_ACCOUNT = 20;

	static final int MAX_NAME = 100;

	/**
	 * Last-used times are written at most this often per token: a busy script costs one
	 * small write a minute.
	 */
	static final long TOUCH_EVERY_MILLIS = 60_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository repository;

	private final Clock clock;

	/**
	 * Looked-up tokens by hash, briefly: a script's burst of calls costs one query, a
	 * revocation shows within seconds.
	 */
	private final Cache<String, Optional<ApiToken>> byHash = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(10_000)
		.build();

	private final Cache<Long, Long> touched = Caffeine.newBuilder().maximumSize(10_000).build();

	ApiTokens(ApiTokenRepository repository, Optional<Clock> clock) {
		this.repository = repository;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A new token: the secret (to show once) and its stored description. */
	public record Created(String secret, ApiToken token) {
	}

	@Transactional
	public Created create(long accountId, String name, boolean write, Integer expiresInDays) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw new BadRequestException("tokens.error.name");
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3650)) {
			throw new BadRequestException("tokens.error.expiry");
		}
		long now = clock.millis();
		if (repository.countActive(accountId, now) >= MAX_ACTIVE_PER_ACCOUNT) {
			throw new BadRequestException("tokens.error.tooMany");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Set<String> scopes = write ? Set.of(ApiToken.READ, ApiToken.WRITE) : Set.of(ApiToken.READ);
		Long expiresAt = expiresInDays == null ? null : now + expiresInDays * 24L * 3600 * 1000;
		long id = Ids.next();
		String prefix = secret.substring(0, PREFIX.length() + 6);
		repository.insert(id, accountId, trimmed, hash(secret), prefix, scopes, now, expiresAt);
		return new Created(secret, new ApiToken(id, accountId, trimmed, prefix, scopes, now, expiresAt, null, null));
	}

	public List<ApiToken> of(long accountId) {
		return repository.byAccount(accountId);
	}

	@Transactional
	public void revoke(long accountId, long tokenId) {
		if (!repository.revoke(tokenId, accountId, clock.millis())) {
			throw new NotFoundException("no such token");
		}
		byHash.invalidateAll(); // this node forgets at once; other nodes' copies expire
								// within seconds
	}

	/**
	 * The active token with this secret, recording its use; empty for an unknown, revoked
	 * or expired token.
	 */
	public Optional<ApiToken> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		long now = clock.millis();
		Optional<ApiToken> found = byHash.get(hash(secret), repository::findByHash).filter(t -> t.active(now));
		found.ifPresent(t -> {
			Long last = touched.getIfPresent(t.id());
			if (last == null || now - last >= TOUCH_EVERY_MILLIS) {
				touched.put(t.id(), now);
				repository.touch(t.id(), now);
			}
		});
		return found;
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
