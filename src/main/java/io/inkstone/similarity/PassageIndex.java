package io.inkstone.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which articles hold a fingerprint: an inverted index of winnowed fingerprints
 * ({@link Winnowing}) kept as sorted arrays of {@code hash << 32 | slot} — eight bytes
 * per posting, no object per entry, so the whole corpus (about four million postings for
 * 344k articles) fits in tens of megabytes. Changes go to a small sorted-on-demand delta
 * merged into the main array when it grows past a quarter of it; a removed or replaced
 * article's slot is marked dead and its postings dropped at the next merge.
 */
final class PassageIndex {

	/**
	 * A fingerprint in more live articles than this is boilerplate (a licence notice, a
	 * standard heading), not evidence of a copy.
	 */
	static final int MAX_POSTINGS = 200;

	/** An article sharing fingerprints with a looked-up text, and how many. */
	record Candidate(long id, int shared) {
	}

	private long[] main = new long[0];

	private long[] delta = new long[1024];

	private int deltaSize;

	private boolean deltaSorted = true;

	private long[] ids = new long[1024];

	private int[] postings = new int[1024];

	private boolean[] dead = new boolean[1024];

	private int slots;

	private long deadPostings;

	private final Map<Long, Integer> slotOf = new HashMap<>();

	synchronized void add(long id, int[] fingerprints) {
		remove(id);
		if (fingerprints.length == 0) {
			return;
		}
		if (slots == ids.length) {
			ids = Arrays.copyOf(ids, slots * 2);
			postings = Arrays.copyOf(postings, slots * 2);
			dead = Arrays.copyOf(dead, slots * 2);
		}
		int slot = slots++;
		ids[slot] = id;
		postings[slot] = fingerprints.length;
		slotOf.put(id, slot);
		if (deltaSize + fingerprints.length > delta.length) {
			delta = Arrays.copyOf(delta, Math.max(delta.length * 2, deltaSize + fingerprints.length));
		}
		for (int h : fingerprints) {
			delta[deltaSize++] = entry(h, slot);
		}
		deltaSorted = false;
		if (deltaSize > Math.max(1 << 16, main.length / 4)) {
			merge();
		}
	}

	synchronized void remove(long id) {
		Integer slot = slotOf.remove(id);
		if (slot != null) {
			dead[slot] = true;
			deadPostings += postings[slot];
			if (deadPostings > Math.max(1 << 16, (main.length + deltaSize) / 4)) {
				merge();
			}
		}
	}

	synchronized boolean contains(long id) {
		return slotOf.containsKey(id);
	}

	synchronized int size() {
		return slotOf.size();
	}

	/** Live postings (one per fingerprint per article). */
	synchronized long postings() {
		long n = 0;
		for (int slot : slotOf.values()) {
			n += postings[slot];
		}
		return n;
	}

	/**
	 * Articles sharing at least {@code minShared} of the text's fingerprints, most shared
	 * first, at most {@code limit}; fingerprints common to more than
	 * {@link #MAX_POSTINGS} articles are not counted.
	 */
	synchronized List<Candidate> candidates(int[] fingerprints, int minShared, int limit) {
		if (!deltaSorted) {
			Arrays.sort(delta, 0, deltaSize);
			deltaSorted = true;
		}
		Map<Integer, Integer> shared = new HashMap<>();
		int[] found = new int[MAX_POSTINGS + 1];
		for (int h : fingerprints) {
			int n = collect(main, main.length, h, found, 0);
			n = collect(delta, deltaSize, h, found, n);
			if (n > MAX_POSTINGS) {
				continue;
			}
			for (int i = 0; i < n; i++) {
				shared.merge(found[i], 1, Integer::sum);
			}
		}
		List<Candidate> out = new ArrayList<>();
		shared.forEach((slot, count) -> {
			if (count >= minShared) {
				out.add(new Candidate(ids[slot], count));
			}
		});
		out.sort((a, b) -> a.shared() != b.shared() ? Integer.compare(b.shared(), a.shared())
				: Long.compare(a.id(), b.id()));
		return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
	}

	/**
	 * Appends the live slots holding {@code hash} in {@code entries[0, size)} to
	 * {@code found} from {@code n}; returns the new count (past MAX_POSTINGS: too
	 * common).
	 */
	private int collect(long[] entries, int size, int hash, int[] found, int n) {
		int at = Arrays.binarySearch(entries, 0, size, entry(hash, 0));
		if (at < 0) {
			at = -at - 1;
		}
		for (; at < size && (int) (entries[at] >> 32) == hash; at++) {
			int slot = (int) entries[at];
			if (!dead[slot]) {
				if (n > MAX_POSTINGS - 1) {
					return MAX_POSTINGS + 1;
				}
				found[n++] = slot;
			}
		}
		return n;
	}

	/** Merges the delta into the main array, drops dead postings and renumbers slots. */
	private void merge() {
		int[] renumber = new int[slots];
		int live = 0;
		for (int s = 0; s < slots; s++) {
			if (!dead[s]) {
				renumber[s] = live;
				ids[live] = ids[s];
				postings[live] = postings[s];
				live++;
			}
			else {
				renumber[s] = -1;
			}
		}
		long[] all = new long[main.length + deltaSize];
		int n = 0;
		for (long[] part : new long[][] { main, Arrays.copyOf(delta, deltaSize) }) {
			for (long e : part) {
				int slot = renumber[(int) e];
				if (slot >= 0) {
					all[n++] = entry((int) (e >> 32), slot);
				}
			}
		}
		// renumbering keeps each slot's order among others, but the delta's entries
		// interleave with the main array's: one sort of the merged array
		main = Arrays.copyOf(all, n);
		Arrays.sort(main);
		Arrays.fill(dead, false);
		slots = live;
		slotOf.clear();
		for (int s = 0; s < live; s++) {
			slotOf.put(ids[s], s);
		}
		deadPostings = 0;
		deltaSize = 0;
		deltaSorted = true;
		if (delta.length > 1 << 16) {
			delta = new long[1024];
		}
	}

	private static long entry(int hash, int slot) {
		return ((long) hash << 32) | (slot & 0xFFFFFFFFL);
	}

}
