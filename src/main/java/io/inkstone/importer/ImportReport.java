package io.inkstone.importer;

import java.util.ArrayList;
import java.util.List;

/** What an import did: counts, and the first rejected lines with their reasons. */
public final class ImportReport {

	static final int MAX_LISTED = 50;

	private long imported;

	private long duplicates;

	private long rejected;

	private final List<String> rejections = new ArrayList<>();

	void imported(long n) {
		imported += n;
	}

	void duplicates(long n) {
		duplicates += n;
	}

	void reject(long line, String reason) {
		rejected++;
		if (rejections.size() < MAX_LISTED) {
			rejections.add("line " + line + ": " + reason);
		}
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
		out.append("Imported: ").append(imported).append(", skipped as duplicate: ").append(duplicates)
			.append(", rejected: ").append(rejected).append('\n');
		rejections.forEach(r -> out.append("  rejected ").append(r).append('\n'));
		if (rejected > rejections.size()) {
			out.append("  … and ").append(rejected - rejections.size()).append(" more\n");
		}
		return out.toString();
	}

}
