package io.inkstone.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import tools.jackson.databind.json.JsonMapper;

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

	/** What is kept of a report between page requests and restarts (as JSON). */
	record Snapshot(long imported, long duplicates, long rejected, List<String> rejections, Map<String, Long> counts,
			long skipped, List<String> skips, List<String> duplicateNames) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String toJson() {
		return JSON.writeValueAsString(
				new Snapshot(imported, duplicates, rejected, rejections, counts, skipped, skips, duplicateNames));
	}

	static ImportReport fromJson(String json) {
		Snapshot snapshot = JSON.readValue(json, Snapshot.class);
		ImportReport report = new ImportReport();
		report.imported = snapshot.imported();
		report.duplicates = snapshot.duplicates();
		report.rejected = snapshot.rejected();
		report.skipped = snapshot.skipped();
		report.rejections.addAll(orEmpty(snapshot.rejections()));
		report.skips.addAll(orEmpty(snapshot.skips()));
		report.duplicateNames.addAll(orEmpty(snapshot.duplicateNames()));
		if (snapshot.counts() != null) {
			report.counts.putAll(snapshot.counts());
		}
		return report;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	/** The labels of the counts with a text of their own in the message bundles. */
	private static final Map<String, String> COUNT_KEYS = Map.ofEntries(Map.entry("posts → public", "postsPublic"),
			Map.entry("posts → public (was scheduled)", "postsWasScheduled"),
			Map.entry("posts → scheduled", "postsScheduled"), Map.entry("posts → drafts (draft)", "postsDraft"),
			Map.entry("posts → drafts (pending)", "postsPending"),
			Map.entry("posts → drafts (private)", "postsPrivate"),
			Map.entry("posts → drafts (password-protected)", "postsPassword"),
			Map.entry("posts → sticky on WordPress (recorded, not pinned here)", "postsSticky"),
			Map.entry("pages → static pages", "pages"), Map.entry("comments → published", "comments"),
			Map.entry("attachments → media library", "attachmentsMedia"),
			Map.entry("attachments → fetched from their URL", "attachmentsFetched"),
			Map.entry("attachments → already imported", "attachmentsKnown"), Map.entry("authors → creators", "authors"),
			Map.entry("categories → new channels", "categories"));

	/**
	 * The summary in a reader's language ({@code t} looks up {@code import.summary.*}
	 * message keys): headings and counts translated, the details of each listed item
	 * (titles, ids, reasons) as the import wrote them.
	 */
	public String summary(BiFunction<String, Object[], String> t) {
		StringBuilder out = new StringBuilder();
		out.append(t.apply("import.summary.headline", new Object[] { imported, duplicates, rejected })).append('\n');
		String rejectedWord = t.apply("import.summary.rejected", new Object[0]);
		rejections.forEach(r -> out.append("  ").append(rejectedWord).append(' ').append(r).append('\n'));
		if (rejected > rejections.size()) {
			out.append("  ")
				.append(t.apply("import.summary.more", new Object[] { rejected - rejections.size() }))
				.append('\n');
		}
		String already = t.apply("import.summary.alreadyImported", new Object[0]);
		duplicateNames.forEach(d -> out.append("  ").append(already).append(' ').append(d).append('\n'));
		if (!duplicateNames.isEmpty() && duplicates > duplicateNames.size()) {
			out.append("  ")
				.append(t.apply("import.summary.more", new Object[] { duplicates - duplicateNames.size() }))
				.append('\n');
		}
		counts.forEach((what, n) -> {
			String key = COUNT_KEYS.get(what);
			String label = key == null ? what : t.apply("import.summary.count." + key, new Object[0]);
			out.append("  ").append(label).append(": ").append(n).append('\n');
		});
		if (skipped > 0) {
			out.append(t.apply("import.summary.notImported", new Object[] { skipped })).append('\n');
			String skippedWord = t.apply("import.summary.skipped", new Object[0]);
			skips.forEach(s -> out.append("  ").append(skippedWord).append(' ').append(s).append('\n'));
			if (skipped > skips.size()) {
				out.append("  ")
					.append(t.apply("import.summary.more", new Object[] { skipped - skips.size() }))
					.append('\n');
			}
		}
		return out.toString();
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
