package io.inkstone.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import io.inkstone.shared.MarkdownRenderer;
import java.util.function.LongFunction;

/**
 * Does search find what a reader types? Three query sets, drawn deterministically from
 * the corpus and kept in {@code bench/queries/} so every run (and every change) is
 * measured on the same queries:
 * <ul>
 * <li>titles — an article's whole title; hit when the first result is the article or
 * another with the same title (the corpus has many 无题 and tune names), and strictly when
 * it is the article itself;</li>
 * <li>title parts — a distinctive part of a title (split at ·, ・ and spaces, at least two
 * Han characters, contained in no other title of the corpus, not the whole title: 湘妃怨 of
 * 双调・湘妃怨); hit when the article is first;</li>
 * <li>phrases — eight consecutive characters of the article's plain text (whitespace
 * folded to one space, as a reader's copy would be; widened to whole words where it cuts
 * a Latin word, as a reader copies words) with at least six letters or Han characters;
 * hit@1 and hit@10 when the article itself is there, and a lenient hit@1 when the first
 * result contains the phrase too (a reprint of the same text).</li>
 * </ul>
 * Rows are {@code key, start, length, query}; the query column is left empty for the
 * Debian channels ({@code tech-docs}, {@code manual}), whose text may not be copied into
 * the project — it is cut from the corpus at run time by start and length.
 */
final class Findability {

	static final Set<String> NOT_COPIED = Set.of("tech-docs", "manual");

	private static final Pattern SEPARATORS = Pattern.compile("[·・\\s]+");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final int PER_SET = 400;

	record Query(DiscoveryBench.Doc doc, String text) {
	}

	/**
	 * {@code splitParts}: title parts drawn by the rule the full corpus's first run used
	 * (unique only as a part split at ·, ・ and spaces, not as a string in other titles);
	 * kept to show how many of its "misses" were ties. Empty where that set was never
	 * drawn.
	 */
	record QuerySets(List<Query> titles, List<Query> parts, List<Query> phrases, List<Query> splitParts) {
	}

	private Findability() {
	}

	static String plain(DiscoveryBench.Doc doc) {
		return MarkdownRenderer.toPlainText(doc.body()).replaceAll("\\s+", " ").strip();
	}

	static QuerySets querySets(List<DiscoveryBench.Doc> docs, Path folder, String corpus) throws IOException {
		Map<String, DiscoveryBench.Doc> byKey = new HashMap<>();
		docs.forEach(d -> byKey.put(d.key(), d));
		Files.createDirectories(folder);
		Path titles = folder.resolve(corpus + "-titles.tsv");
		Path parts = folder.resolve(corpus + "-title-parts.tsv");
		Path phrases = folder.resolve(corpus + "-phrases.tsv");
		Path splitParts = folder.resolve(corpus + "-title-parts-split.tsv");
		if (!Files.exists(titles) || !Files.exists(parts) || !Files.exists(phrases)) {
			generate(docs, titles, parts, phrases, splitParts);
		}
		return new QuerySets(read(titles, byKey, false), read(parts, byKey, false), read(phrases, byKey, true),
				Files.exists(splitParts) ? read(splitParts, byKey, false) : List.of());
	}

	private static void generate(List<DiscoveryBench.Doc> docs, Path titles, Path parts, Path phrases, Path splitParts)
			throws IOException {
		Random random = new Random(16);
		List<String[]> titleRows = new ArrayList<>();
		while (titleRows.size() < PER_SET) {
			DiscoveryBench.Doc d = docs.get(random.nextInt(docs.size()));
			titleRows.add(row(d, 0, d.title().length(), d.title()));
		}
		// parts contained in exactly one title of the corpus
		Map<String, Integer> partCount = new HashMap<>();
		for (DiscoveryBench.Doc d : docs) {
			for (String part : candidateParts(d.title())) {
				partCount.merge(part, 1, Integer::sum);
			}
		}
		List<String[]> partRows = new ArrayList<>();
		List<String[]> splitRows = new ArrayList<>();
		int[] order = shuffled(docs.size(), random);
		for (int i = 0; i < order.length && (partRows.size() < PER_SET || splitRows.size() < PER_SET); i++) {
			DiscoveryBench.Doc d = docs.get(order[i]);
			List<String> split = candidateParts(d.title()).stream().filter(p -> partCount.get(p) == 1).toList();
			if (!split.isEmpty() && splitRows.size() < PER_SET) {
				String part = split.get(split.size() - 1);
				splitRows.add(row(d, d.title().indexOf(part), part.length(), part));
			}
			List<String> candidates = partRows.size() < PER_SET
					? split.stream().filter(p -> titlesContaining(p, docs) == 1).toList() : List.of();
			if (!candidates.isEmpty()) {
				String part = candidates.get(candidates.size() - 1);
				partRows.add(row(d, d.title().indexOf(part), part.length(), part));
			}
		}
		List<String[]> phraseRows = new ArrayList<>();
		order = shuffled(docs.size(), random);
		for (int i = 0; i < order.length && phraseRows.size() < PER_SET; i++) {
			DiscoveryBench.Doc d = docs.get(order[i]);
			String text = plain(d);
			if (text.length() < 16) {
				continue;
			}
			for (int attempt = 0; attempt < 5; attempt++) {
				int start = random.nextInt(text.length() - 8);
				int end = start + 8;
				// a reader copies whole Latin words: widen the window to the words it
				// cuts
				while (start > 0 && latin(text.charAt(start - 1)) && latin(text.charAt(start))) {
					start--;
				}
				while (end < text.length() && latin(text.charAt(end - 1)) && latin(text.charAt(end))) {
					end++;
				}
				String phrase = text.substring(start, end);
				if (phrase.codePoints().filter(Character::isLetterOrDigit).count() >= 6 && !phrase.startsWith(" ")
						&& !phrase.endsWith(" ") && !Character.isSurrogate(phrase.charAt(0))
						&& !Character.isSurrogate(phrase.charAt(phrase.length() - 1)) && phrase.length() <= 40) {
					phraseRows.add(row(d, start, phrase.length(), phrase));
					break;
				}
			}
		}
		write(titles, "whole titles", titleRows);
		write(parts, "distinctive title parts (in no other title of the corpus)", partRows);
		if (docs.size() >= 50_000) {
			// what the first full-corpus run drew (2026-11-30): a part unique only as a
			// split part; on the 2k sample both rules drew the same set
			write(splitParts, "title parts unique as split parts only (the 2026-11-30 rule)", splitRows);
		}
		write(phrases, "8-character phrases of the plain text (whitespace folded to one space)", phraseRows);
	}

	private static boolean latin(char c) {
		return c < 0x3000 && Character.isLetterOrDigit(c);
	}

	/**
	 * How many titles of the corpus contain {@code part} anywhere (湘妃怨 is in 双调・湘妃怨 and
	 * in 湘妃怨二首): a part in more than one title is no distinctive part, and a search for
	 * it that brings another of those titles first is a tie, not a miss.
	 */
	static long titlesContaining(String part, List<DiscoveryBench.Doc> docs) {
		return docs.parallelStream().filter(o -> o.title().contains(part)).count();
	}

	private static List<String> candidateParts(String title) {
		String[] split = SEPARATORS.split(title.strip());
		if (split.length < 2) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (String part : split) {
			if (HAN.matcher(part).results().count() >= 2 && !parts.contains(part)) {
				parts.add(part);
			}
		}
		return parts;
	}

	private static int[] shuffled(int n, Random random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	private static String[] row(DiscoveryBench.Doc d, int start, int length, String query) {
		return new String[] { d.key(), Integer.toString(start), Integer.toString(length),
				NOT_COPIED.contains(d.channel()) ? "" : query };
	}

	private static void write(Path file, String what, List<String[]> rows) throws IOException {
		StringBuilder out = new StringBuilder("# ").append(what)
			.append(" — generated by DiscoveryBench (Findability), seed 16; query empty for channels not copied\n")
			.append("# key\tstart\tlength\tquery\n");
		rows.forEach(r -> out.append(String.join("\t", r)).append('\n'));
		Files.writeString(file, out, StandardCharsets.UTF_8);
	}

	private static List<Query> read(Path file, Map<String, DiscoveryBench.Doc> byKey, boolean body) throws IOException {
		List<Query> queries = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			String[] cols = line.split("\t", -1);
			DiscoveryBench.Doc d = byKey.get(cols[0]);
			if (d == null) {
				continue; // a smaller slice of the corpus than the set was drawn from
			}
			int start = Integer.parseInt(cols[1]);
			String source = body ? plain(d) : d.title();
			String query = source.substring(start, start + Integer.parseInt(cols[2]));
			if (!cols[3].isEmpty() && !cols[3].equals(query)) {
				throw new IllegalStateException("query set " + file + " does not match the corpus at " + cols[0]);
			}
			queries.add(new Query(d, query));
		}
		return queries;
	}

	static void evaluate(String analyzer, LuceneSearchIndex index, List<DiscoveryBench.Doc> docs, QuerySets sets) {
		LongFunction<DiscoveryBench.Doc> doc = id -> docs.get((int) (id - 1));
		double titleSame = 0, titleStrict = 0, title10 = 0, part = 0, phrase1 = 0, phrase10 = 0, phraseLenient = 0;
		List<Long> nanos = new ArrayList<>();
		for (Query q : sets.titles()) {
			List<Long> hits = ids(index, q.text(), nanos);
			if (!hits.isEmpty()) {
				titleStrict += hits.get(0) == q.doc().id() ? 1 : 0;
				titleSame += doc.apply(hits.get(0)).title().equals(q.doc().title()) ? 1 : 0;
			}
			title10 += hits.contains(q.doc().id()) ? 1 : 0;
		}
		for (Query q : sets.parts()) {
			List<Long> hits = ids(index, q.text(), nanos);
			part += !hits.isEmpty() && hits.get(0) == q.doc().id() ? 1 : 0;
		}
		parts("title parts", sets.parts(), index, docs);
		if (!sets.splitParts().isEmpty()) {
			parts("title parts, 2026-11-30 rule", sets.splitParts(), index, docs);
		}
		List<Long> phraseNanos = new ArrayList<>();
		for (Query q : sets.phrases()) {
			List<Long> hits = ids(index, q.text(), phraseNanos);
			phrase1 += !hits.isEmpty() && hits.get(0) == q.doc().id() ? 1 : 0;
			phrase10 += hits.contains(q.doc().id()) ? 1 : 0;
			if (Boolean.getBoolean("bench.misses") && (hits.isEmpty() || hits.get(0) != q.doc().id())) {
				System.out.printf("miss [%s] %s rank %d, first: %s%n", q.text(), q.doc().key(),
						hits.indexOf(q.doc().id()), hits.isEmpty() ? "-" : doc.apply(hits.get(0)).key());
			}
			phraseLenient += !hits.isEmpty()
					&& (hits.get(0) == q.doc().id() || plain(doc.apply(hits.get(0))).contains(q.text())) ? 1 : 0;
		}
		nanos.addAll(phraseNanos);
		int t = sets.titles().size(), p = sets.parts().size(), f = sets.phrases().size();
		System.out.printf(
				"%-8s findability: title hit@1 %.3f (the article itself %.3f, hit@10 %.3f, %d) | title part hit@1 %.3f (%d) | "
						+ "phrase hit@1 %.3f hit@10 %.3f (first result contains the phrase %.3f, %d) | phrase query p50 %.1f ms p95 %.1f ms"
						+ " | all p95 %.1f ms%n",
				analyzer, titleSame / t, titleStrict / t, title10 / t, t, part / p, p, phrase1 / f, phrase10 / f,
				phraseLenient / f, f, DiscoveryBench.pct(phraseNanos, 50), DiscoveryBench.pct(phraseNanos, 95),
				DiscoveryBench.pct(nanos, 95));
	}

	/**
	 * Title parts in detail: hit@1 and hit@10 of the article; a tie when the first result
	 * is another article whose title holds the part too (possible only where the part is
	 * in more than one title); how many parts are in other titles at all; and, with
	 * {@code -Dbench.misses=true}, each miss with what came first.
	 */
	private static void parts(String what, List<Query> queries, LuceneSearchIndex index,
			List<DiscoveryBench.Doc> docs) {
		LongFunction<DiscoveryBench.Doc> doc = id -> docs.get((int) (id - 1));
		int hit1 = 0, hit10 = 0, ties = 0, shared = 0, sharedHit1 = 0, misses = 0;
		for (Query q : queries) {
			List<Long> hits = ids(index, q.text(), new ArrayList<>());
			long titles = titlesContaining(q.text(), docs);
			boolean first = !hits.isEmpty() && hits.get(0) == q.doc().id();
			hit1 += first ? 1 : 0;
			hit10 += hits.contains(q.doc().id()) ? 1 : 0;
			shared += titles > 1 ? 1 : 0;
			sharedHit1 += titles > 1 && first ? 1 : 0;
			boolean tie = !first && !hits.isEmpty() && doc.apply(hits.get(0)).title().contains(q.text());
			ties += tie ? 1 : 0;
			if (!first && !tie) {
				misses++;
				if (Boolean.getBoolean("bench.misses")) {
					System.out.printf("part miss [%s] of [%s] %s rank %d, first: %s%n", q.text(), q.doc().title(),
							q.doc().key(), hits.indexOf(q.doc().id()), hits.isEmpty() ? "-"
									: doc.apply(hits.get(0)).key() + " [" + doc.apply(hits.get(0)).title() + "]");
				}
			}
		}
		int n = queries.size();
		System.out.printf(
				"  %s (%d): hit@1 %.3f hit@10 %.3f | in other titles too: %d (their hit@1 %d) | first result another"
						+ " title holding the part (tie) %d | genuine misses %d; hit@1 counting ties %.3f%n",
				what, n, (double) hit1 / n, (double) hit10 / n, shared, sharedHit1, ties, misses,
				(double) (hit1 + ties) / n);
	}

	private static List<Long> ids(LuceneSearchIndex index, String query, List<Long> nanos) {
		long start = System.nanoTime();
		List<Long> ids = index.search(query, SearchIndex.Filters.NONE, false, 0, 10)
			.hits()
			.stream()
			.map(SearchHit::articleId)
			.toList();
		nanos.add(System.nanoTime() - start);
		return ids;
	}

	static double sizeMb(Path folder) throws IOException {
		try (var files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1e6;
		}
	}

}
