package io.inkstone.similarity;

import java.util.Arrays;

/**
 * Winnowed character k-gram fingerprints of folded text (Schleimer, Wilkerson and Aiken,
 * "Winnowing", 2003): every {@link #K}-character gram is hashed, and of each
 * {@link #WINDOW} consecutive hashes the smallest is kept. Two texts that share a run of
 * at least {@link #GUARANTEE} characters are guaranteed to share a fingerprint, while
 * only about 2 / (WINDOW + 1) of the grams are kept — the index stays a fifth of the
 * text. Chinese has no spaces, so characters stand in for words; a 10-character gram is
 * already longer than most set phrases and idioms.
 */
public final class Winnowing {

	private Winnowing() {
	}

	/** Characters per gram. */
	public static final int K = 10;

	/** Grams per window. */
	public static final int WINDOW = 10;

	/** A shared run at least this long always shares a fingerprint. */
	public static final int GUARANTEE = K + WINDOW - 1;

	/** The distinct fingerprints of folded text, sorted (empty when shorter than K). */
	public static int[] fingerprints(String folded) {
		int[] cps = folded.codePoints().toArray();
		int grams = cps.length - K + 1;
		if (grams <= 0) {
			return new int[0];
		}
		int[] hashes = new int[grams];
		for (int i = 0; i < grams; i++) {
			hashes[i] = gram(cps, i);
		}
		int[] kept = new int[grams];
		int n = 0;
		int lastAt = -1;
		int windows = Math.max(1, grams - WINDOW + 1);
		for (int start = 0; start < windows; start++) {
			int end = Math.min(grams, start + WINDOW);
			// the rightmost minimum: a window that shares its minimum with the previous
			// one keeps the same fingerprint instead of adding another
			int min = start;
			for (int i = start + 1; i < end; i++) {
				if (hashes[i] <= hashes[min]) {
					min = i;
				}
			}
			if (min != lastAt) {
				kept[n++] = hashes[min];
				lastAt = min;
			}
		}
		int[] out = Arrays.copyOf(kept, n);
		Arrays.sort(out);
		int distinct = 0;
		for (int i = 0; i < out.length; i++) {
			if (i == 0 || out[i] != out[i - 1]) {
				out[distinct++] = out[i];
			}
		}
		return Arrays.copyOf(out, distinct);
	}

	/** The 32-bit hash of the gram of {@link #K} code points starting at {@code at}. */
	static int gram(int[] cps, int at) {
		long h = 0;
		for (int i = at; i < at + K; i++) {
			h = SimHash.mix(h ^ cps[i]);
		}
		return (int) (h ^ (h >>> 32));
	}

}
