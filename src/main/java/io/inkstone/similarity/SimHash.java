package io.inkstone.similarity;

import java.util.HashSet;
import java.util.Set;

/**
 * SimHash (Charikar) over the character bigrams of folded text. Chinese has no spaces and
 * creators rarely change word boundaries when they copy, so bigrams of the folded text
 * work as "segmented" features without a dictionary; each feature is hashed with a 64-bit
 * mix (splitmix64 finaliser over the code points).
 */
public final class SimHash {

	private SimHash() {
	}

	/** Bits in a signature: {@link #SEEDS} independent 64-bit SimHashes. */
	public static final int SEEDS = 4;

	/**
	 * Four independent SimHashes (features hashed with four seeds). One 64-bit SimHash of
	 * a 50-character poem is too noisy to tell a copy with 10% of its characters changed
	 * from an unrelated poem; the sum of four distances is (measured on the corpus: see
	 * bench/README.md).
	 */
	public static long[] signature(String foldedText) {
		long[] signature = new long[SEEDS];
		for (int seed = 0; seed < SEEDS; seed++) {
			signature[seed] = of(foldedText, seed);
		}
		return signature;
	}

	public static long of(String foldedText) {
		return of(foldedText, 0);
	}

	static long of(String foldedText, long seed) {
		long salt = seed * 0x632BE59BD9B4E019L;
		int[] cps = foldedText.codePoints().toArray();
		if (cps.length == 0) {
			return 0;
		}
		int[] weights = new int[64];
		if (cps.length == 1) {
			add(weights, mix(cps[0] + salt));
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			add(weights, mix((((long) cps[i] << 21) ^ cps[i + 1]) + salt));
		}
		long hash = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (weights[bit] > 0) {
				hash |= 1L << bit;
			}
		}
		return hash;
	}

	private static void add(int[] weights, long feature) {
		for (int bit = 0; bit < 64; bit++) {
			weights[bit] += ((feature >>> bit) & 1) == 1 ? 1 : -1;
		}
	}

	static long mix(long z) {
		z += 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** Total Hamming distance of two signatures (0 … 256). */
	public static int distance(long[] a, long[] b) {
		int d = 0;
		for (int i = 0; i < a.length; i++) {
			d += Long.bitCount(a[i] ^ b[i]);
		}
		return d;
	}

	/**
	 * Jaccard similarity of the two texts' character-bigram sets: the precise check after
	 * a SimHash match.
	 */
	public static double bigramJaccard(String foldedA, String foldedB) {
		Set<Long> a = bigrams(foldedA);
		Set<Long> b = bigrams(foldedB);
		if (a.isEmpty() && b.isEmpty()) {
			return 1;
		}
		long common = a.stream().filter(b::contains).count();
		return (double) common / (a.size() + b.size() - common);
	}

	static Set<Long> bigrams(String folded) {
		int[] cps = folded.codePoints().toArray();
		Set<Long> out = new HashSet<>();
		for (int i = 0; i + 1 < cps.length; i++) {
			out.add(((long) cps[i] << 21) ^ cps[i + 1]);
		}
		return out;
	}

}
