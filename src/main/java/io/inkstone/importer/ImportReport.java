package io.inkstone.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an import did: counts, and the first rejected lines with their reasons. */
public final class ImportReport {

	static final int MAX_LISTED = 50;

	private long imported;

	private long duplicates;

	private long rejected;

	private final List<String> rejections = new ArrayList<>();

	/**
	 * What came in, by type and status ("posts → public": 12), in the order first counted
	 * (WordPress imports).
	 */
	private final Map<String, Long> counts = new LinkedHashMap<>();

	private long skipped;

	private final List<String> skips = new ArrayList<>();

	void imported(long n) {
		imported += n;
	}

	void duplicates(long n) {
		duplicates += n;
	}

	/**
	 * One item already imported, named in the summary (the first {@value #MAX_LISTED}).
	 */
	void duplicate(String what) {
		duplicates++;
		if (duplicateNames.size() < MAX_LISTED) {
			duplicateNames.add(what);
		}
	}

	private final List<String> duplicateNames = new ArrayList<>();

	void reject(long line, String reason) {
		rejected++;
		if (rejections.size() < MAX_LISTED) {
			rejections.add("line " + line + ": " + reason);
		}
	}

	void count(String what) {
		counts.merge(what, 1L, Long::sum);
	}

	/**
	 * Something deliberately not imported (trash, a spam comment, a missing file), with
	 * the reason.
	 */
	void skip(String what) {
		skipped++;
		if (skips.size() < MAX_LISTED * 4) {
			skips.add(what);
		}
	}

	public Map<String, Long> counts() {
		return Collections.unmodifiableMap(counts);
	}

	public long skipped() {
		return skipped;
	}

	public List<String> skips() {
		return List.copyOf(skips);
	}

	public long imported() {
		return imported;
	}

	public long duplicates() {
		return duplicates;
	}

	public long rejected() {
		return rejected;
	}

	public List<String> rejections() {
		return List.copyOf(rejections);
	}

	public String summary() {
		StringBuilder out = new StringBuilder();
		out.append("Imported: ")
			.append(imported)
			.append(", skipped as duplicate: ")
			.append(duplicates)
			.append(", rejected: ")
			.append(rejected)
			.append('\n');
		rejections.forEach(r -> out.append("  rejected ").append(r).append('\n'));
		if (rejected > rejections.size()) {
			out.append("  … and ").append(rejected - rejections.size()).append(" more\n");
		}
		duplicateNames.forEach(d -> out.append("  already imported ").append(d).append('\n'));
		if (!duplicateNames.isEmpty() && duplicates > duplicateNames.size()) {
			out.append("  … and ").append(duplicates - duplicateNames.size()).append(" more already imported\n");
		}
		counts.forEach((what, n) -> out.append("  ").append(what).append(": ").append(n).append('\n'));
		if (skipped > 0) {
			out.append("Not imported: ").append(skipped).append('\n');
			skips.forEach(s -> out.append("  skipped ").append(s).append('\n'));
			if (skipped > skips.size()) {
				out.append("  … and ").append(skipped - skips.size()).append(" more\n");
			}
		}
		return out.toString();
	}

}
