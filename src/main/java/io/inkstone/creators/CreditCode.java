package io.inkstone.creators;

import java.util.Locale;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) and its check
 * character: weights 3^i mod 31 over a 31-character alphabet without I, O, Z, S, V.
 */
final class CreditCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		String upper = code.toUpperCase(Locale.ROOT);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(upper.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return upper.charAt(17) == ALPHABET.charAt(check);
	}

}
