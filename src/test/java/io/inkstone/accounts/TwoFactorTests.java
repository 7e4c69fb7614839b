package io.inkstone.accounts;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of two-factor codes, without Spring: RFC 6238's own test vector, one step of
 * skew either way and no more, a step accepted once (replay refused), what people type
 * (spaces, dashes), and recovery codes (ten, distinct, folded before hashing).
 */
class TwoFactorTests {

	/** RFC 6238 appendix B: the ASCII key "12345678901234567890", SHA-1. */
	private static final String RFC_SECRET = new Base32()
		.encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void codesAreThoseOfRfc6238() {
		// T = 59 s → step 1 → 94287082 with 8 digits, so 287082 with 6
		assertThat(TwoFactor.generate(RFC_SECRET, TwoFactor.step(59_000))).isEqualTo("287082");
		// T = 1111111109 s → 07081804 → 081804
		assertThat(TwoFactor.generate(RFC_SECRET, TwoFactor.step(1_111_111_109_000L))).isEqualTo("081804");
		// T = 2000000000 s → 69279037 → 279037
		assertThat(TwoFactor.generate(RFC_SECRET, TwoFactor.step(2_000_000_000_000L))).isEqualTo("279037");
	}

	@Test
	void oneStepOfSkewIsAcceptedEitherWayButNotTwo() {
		String secret = TwoFactor.newSecret();
		long now = 1_000_000;
		assertThat(TwoFactor.matchingStep(secret, TwoFactor.generate(secret, now), now, Long.MIN_VALUE)).contains(now);
		assertThat(TwoFactor.matchingStep(secret, TwoFactor.generate(secret, now - 1), now, Long.MIN_VALUE))
			.contains(now - 1);
		assertThat(TwoFactor.matchingStep(secret, TwoFactor.generate(secret, now + 1), now, Long.MIN_VALUE))
			.contains(now + 1);
		String twoStepsOld = TwoFactor.generate(secret, now - 2);
		if (!twoStepsOld.equals(TwoFactor.generate(secret, now - 1))
				&& !twoStepsOld.equals(TwoFactor.generate(secret, now))
				&& !twoStepsOld.equals(TwoFactor.generate(secret, now + 1))) {
			assertThat(TwoFactor.matchingStep(secret, twoStepsOld, now, Long.MIN_VALUE)).isEmpty();
		}
	}

	@Test
	void aStepOnceAcceptedIsNotAcceptedAgain() {
		String secret = TwoFactor.newSecret();
		long now = 2_000_000;
		String code = TwoFactor.generate(secret, now);
		long used = TwoFactor.matchingStep(secret, code, now, Long.MIN_VALUE).orElseThrow();
		assertThat(TwoFactor.matchingStep(secret, code, now, used)).as("the same code again").isEmpty();
		// nor an earlier step's code once a later one was used
		String earlier = TwoFactor.generate(secret, now - 1);
		assertThat(TwoFactor.matchingStep(secret, earlier, now, used)).isEmpty();
		// the next step's code still works
		assertThat(TwoFactor.matchingStep(secret, TwoFactor.generate(secret, now + 1), now + 1, used))
			.contains(now + 1);
	}

	@Test
	void whatPeopleTypeIsReadAndWhatIsNotACodeIsRefused() {
		String secret = TwoFactor.newSecret();
		String code = TwoFactor.generate(secret, 10);
		String spaced = code.substring(0, 3) + " " + code.substring(3);
		assertThat(TwoFactor.matchingStep(secret, spaced, 10, Long.MIN_VALUE)).contains(10L);
		assertThat(TwoFactor.normalizeCode("123-456")).isEqualTo("123456");
		assertThat(TwoFactor.normalizeCode("12345")).isNull();
		assertThat(TwoFactor.normalizeCode("1234567")).isNull();
		assertThat(TwoFactor.normalizeCode("12345a")).isNull();
		assertThat(TwoFactor.normalizeCode("١٢٣٤٥٦")).as("non-ASCII digits").isNull();
		assertThat(TwoFactor.normalizeCode(null)).isNull();
		assertThat(TwoFactor.matchingStep(secret, "", 10, Long.MIN_VALUE)).isEmpty();
		assertThat(TwoFactor.matchingStep(null, code, 10, Long.MIN_VALUE)).as("a secret that did not decrypt")
			.isEmpty();
	}

	@Test
	void secretsAreFreshAndLongEnough() {
		String a = TwoFactor.newSecret();
		assertThat(a).hasSize(32).matches("[A-Z2-7]+");
		assertThat(TwoFactor.newSecret()).isNotEqualTo(a);
		String uri = TwoFactor.otpauthUri(a, "someone@inkstone.test", "墨石");
		assertThat(uri).startsWith("otpauth://totp/")
			.contains("secret=" + a)
			.contains("digits=6")
			.contains("period=30");
	}

	@Test
	void tenDistinctRecoveryCodesHashedAfterFolding() {
		List<String> codes = TwoFactor.newRecoveryCodes();
		assertThat(codes).hasSize(10);
		assertThat(new HashSet<>(codes)).hasSize(10);
		String code = codes.get(0);
		String hash = TwoFactor.recoveryHash(code);
		assertThat(hash).hasSize(64).doesNotContain(code);
		assertThat(TwoFactor.recoveryHash(" " + code.toUpperCase() + " ")).isEqualTo(hash);
		assertThat(TwoFactor.recoveryHash(code.replace("-", ""))).isEqualTo(hash);
		assertThat(TwoFactor.recoveryHash(codes.get(1))).isNotEqualTo(hash);
	}

}
