package io.inkstone.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import io.inkstone.web.ServerSecrets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits,
 * 30-second steps, as every authenticator app expects) and ten one-time recovery codes.
 * The codes themselves come from {@code dev.samstevens.totp}; this class adds what the
 * library leaves to its user: a code is accepted one step early or late (clock skew) but
 * only once — the accepted step is stored and a code of that step or an earlier one is
 * refused, atomically, on every node. The secret is stored encrypted (AES-GCM under a
 * server secret) and recovery codes only as SHA-256 hashes; neither is ever logged.
 */
@Service
class TwoFactor {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final int RECOVERY_CODES = 10;

	/** Steps accepted before and after the current one. */
	static final int SKEW_STEPS = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ServerSecrets secrets;

	TwoFactor(JdbcClient jdbc, ObjectProvider<Clock> clock, ServerSecrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.secrets = secrets;
	}

	/** A fresh Base32 secret of 160 bits (32 characters), as RFC 4226 recommends. */
	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	/** The {@code otpauth://} link an authenticator app reads from the QR code. */
	static String otpauthUri(String secret, String account, String issuer) {
		return new QrData.Builder().label(issuer + ":" + account)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build()
			.getUri();
	}

	/** The time step of an instant (epoch millis). */
	static long step(long epochMillis) {
		return Math.floorDiv(epochMillis, PERIOD_SECONDS * 1000L);
	}

	/** Digits only (spaces and dashes people type are dropped); null when not a code. */
	static String normalizeCode(String code) {
		if (code == null) {
			return null;
		}
		String digits = code.replace(" ", "").replace("-", "");
		return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? digits : null;
	}

	/**
	 * The step, within the skew around {@code nowStep} and after {@code lastStep}, whose
	 * code is {@code code}; empty when none matches. Compares in constant time.
	 */
	static Optional<Long> matchingStep(String secret, String code, long nowStep, long lastStep) {
		String digits = normalizeCode(code);
		if (digits == null || secret == null) {
			return Optional.empty();
		}
		Long found = null;
		for (long s = nowStep - SKEW_STEPS; s <= nowStep + SKEW_STEPS; s++) {
			if (s > lastStep && MessageDigest.isEqual(generate(secret, s).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII)) && found == null) {
				found = s;
			}
		}
		return Optional.ofNullable(found);
	}

	static String generate(String secret, long step) {
		try {
			return CODES.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

	/** Ten fresh recovery codes, as shown to the owner (xxxx-xxxx-xxxx-xxxx). */
	static List<String> newRecoveryCodes() {
		return List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
	}

	/**
	 * The stored form of a recovery code: SHA-256 of its letters and digits, lower case
	 * (so dashes, spaces and capitals typed by the owner do not matter).
	 */
	static String recoveryHash(String code) {
		String folded = code == null ? "" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return OneTimeTokens.sha256(folded);
	}

	/** Whether the account signs in with a second factor. */
	boolean enabled(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM account_two_factor WHERE account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** Unused recovery codes left. */
	long recoveryCodesLeft(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM account_recovery_codes WHERE account_id = :a AND used_at IS NULL")
			.param("a", accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * Checks a code of the authenticator app and spends its time step: true once per
	 * step, within one step of skew.
	 */
	@Transactional
	boolean acceptCode(long accountId, String code) {
		record Stored(String secret, long lastStep) {
		}
		Optional<Stored> stored = jdbc.sql("SELECT secret, last_step FROM account_two_factor WHERE account_id = :a")
			.param("a", accountId)
			.query(Stored.class)
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		Optional<Long> step = matchingStep(decrypt(stored.get().secret()), code, step(clock.millis()),
				stored.get().lastStep());
		// the conditional update makes two nodes that checked the same code at once
		// accept it only once
		return step.isPresent()
				&& jdbc.sql("UPDATE account_two_factor SET last_step = :s WHERE account_id = :a AND last_step < :s")
					.param("s", step.get())
					.param("a", accountId)
					.update() == 1;
	}

	/** Spends one recovery code; true when it was one of the account's unused ones. */
	@Transactional
	boolean acceptRecoveryCode(long accountId, String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return false;
		}
		return jdbc
			.sql("UPDATE account_recovery_codes SET used_at = :now WHERE account_id = :a AND code_hash = :h"
					+ " AND used_at IS NULL")
			.param("now", clock.millis())
			.param("a", accountId)
			.param("h", recoveryHash(code))
			.update() == 1;
	}

	/**
	 * A second factor at sign-in: an authenticator code (six digits) or else a recovery
	 * code.
	 */
	@Transactional
	boolean accept(long accountId, String codeOrRecovery) {
		return normalizeCode(codeOrRecovery) != null ? acceptCode(accountId, codeOrRecovery)
				: acceptRecoveryCode(accountId, codeOrRecovery);
	}

	/**
	 * Turns two-factor sign-in on with a secret the owner's app has just shown
	 * {@code code} for; empty (nothing stored) when the code does not match, else the
	 * recovery codes to show once.
	 */
	@Transactional
	Optional<List<String>> enable(long accountId, String secret, String code) {
		long now = clock.millis();
		Optional<Long> step = matchingStep(secret, code, step(now), Long.MIN_VALUE);
		if (step.isEmpty() || enabled(accountId)) {
			return Optional.empty();
		}
		jdbc.sql(
				"INSERT INTO account_two_factor (account_id, secret, enabled_at, last_step) VALUES (:a, :s, :now, :step)")
			.param("a", accountId)
			.param("s", encrypt(secret))
			.param("now", now)
			.param("step", step.get())
			.update();
		return Optional.of(replaceRecoveryCodes(accountId));
	}

	/** New recovery codes; the old ones stop working. */
	@Transactional
	List<String> replaceRecoveryCodes(long accountId) {
		long now = clock.millis();
		jdbc.sql("DELETE FROM account_recovery_codes WHERE account_id = :a").param("a", accountId).update();
		List<String> codes = new ArrayList<>(newRecoveryCodes());
		for (String code : codes) {
			jdbc.sql("INSERT INTO account_recovery_codes (account_id, code_hash, created_at) VALUES (:a, :h, :now)")
				.param("a", accountId)
				.param("h", recoveryHash(code))
				.param("now", now)
				.update();
		}
		return List.copyOf(codes);
	}

	/** Turns two-factor sign-in off and forgets the secret and the recovery codes. */
	@Transactional
	boolean disable(long accountId) {
		jdbc.sql("DELETE FROM account_recovery_codes WHERE account_id = :a").param("a", accountId).update();
		return jdbc.sql("DELETE FROM account_two_factor WHERE account_id = :a").param("a", accountId).update() == 1;
	}

	/** The secret as stored: base64 of a random 12-byte nonce and the AES-GCM output. */
	String encrypt(String secret) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	String decrypt(String stored) {
		try {
			byte[] in = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// a secret sealed under another key (a database copied without its secrets)
			// matches no code
			return null;
		}
	}

	private SecretKeySpec key() {
		return new SecretKeySpec(secrets.get("two-factor"), "AES");
	}

}
