package io.inkstone.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The passages a text shares with another, exactly: runs of at least {@link #MIN_RUN}
 * identical folded characters, found by seeding on {@link #SEED}-character grams and
 * extending both ways. Runs do not overlap on the text's side; the share of the text they
 * cover is what it copied from the other.
 */
public final class Passages {

	private Passages() {
	}

	/**
	 * Shorter common runs are not counted: a shared line of verse (five or seven
	 * characters) or a set phrase is not a copy.
	 */
	public static final int MIN_RUN = 12;

	/** Seed length: shorter than {@link #MIN_RUN}, so every counted run has a seed. */
	static final int SEED = 6;

	/** Positions looked at per seed: a gram repeated more often is boilerplate. */
	private static final int MAX_SEED_POSITIONS = 16;

	/** One shared run: where it starts in the text and in the other, and its length. */
	public record Run(int start, int otherStart, int length) {
	}

	/**
	 * What {@code folded} shares with {@code otherFolded}: the runs (in code points of
	 * the folded texts, in the text's order), the characters they cover and that share of
	 * the text.
	 */
	public record Comparison(List<Run> runs, int copied, int length) {

		public double share() {
			return length == 0 ? 0 : (double) copied / length;
		}

	}

	public static Comparison compare(String folded, String otherFolded) {
		int[] a = folded.codePoints().toArray();
		int[] b = otherFolded.codePoints().toArray();
		List<Run> runs = new ArrayList<>();
		if (a.length < MIN_RUN || b.length < MIN_RUN) {
			return new Comparison(runs, 0, a.length);
		}
		// the other text's seeds as sorted (hash << 32 | position): no object per seed
		long[] seeds = new long[b.length - SEED + 1];
		for (int j = 0; j < seeds.length; j++) {
			seeds[j] = ((long) key(b, j) << 32) | j;
		}
		Arrays.sort(seeds);
		int copied = 0;
		int covered = 0; // the text is covered up to here by earlier runs
		int i = 0;
		while (i + SEED <= a.length) {
			int hash = key(a, i);
			int from = Arrays.binarySearch(seeds, (long) hash << 32);
			from = from < 0 ? -from - 1 : from;
			int bestStart = -1;
			int bestOther = -1;
			int bestLength = 0;
			for (int s = from; s < seeds.length && s < from + MAX_SEED_POSITIONS
					&& (int) (seeds[s] >> 32) == hash; s++) {
				int j = (int) seeds[s];
				// extend backwards (not into an earlier run), then forwards
				int back = 0;
				while (i - back > covered && j - back > 0 && a[i - back - 1] == b[j - back - 1]) {
					back++;
				}
				int length = back;
				while (i + length - back < a.length && j + length - back < b.length
						&& a[i + length - back] == b[j + length - back]) {
					length++;
				}
				if (length > bestLength) {
					bestLength = length;
					bestStart = i - back;
					bestOther = j - back;
				}
			}
			if (bestLength >= MIN_RUN) {
				runs.add(new Run(bestStart, bestOther, bestLength));
				copied += bestLength;
				covered = bestStart + bestLength;
				i = covered;
			}
			else {
				i++;
			}
		}
		return new Comparison(runs, copied, a.length);
	}

	private static int key(int[] cps, int at) {
		long h = 0;
		for (int i = at; i < at + SEED; i++) {
			h = h * 0x10FFFFL + cps[i];
		}
		return (int) (h ^ (h >>> 32));
	}

}
