package io.inkstone.similarity;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The passage index's benchmark (bench/originality.sh, after the near-duplicate one):
 * indexes a corpus but for held-out articles, then pastes 10%, 30% and 50% of indexed
 * articles into new text made of held-out (unindexed, unrelated) articles — the pasted
 * part is that share of the source and of the new text — and looks them up; the held-out
 * articles are looked up unchanged too (they share set phrases, lines of verse and
 * boilerplate with indexed ones, and must not be called copies). Reports, per share and
 * source length, how often the engine finds the source and how often the default rule
 * ({@link OriginalityProperties}) makes a finding, the precision of findings, false
 * findings on unrelated articles, lookup latency and the index's size. Not a test: run by
 * hand.
 */
public final class PassageBench {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	static final OriginalityProperties DEFAULTS = new OriginalityProperties(50, 0.2, 400);

	record Doc(String folded, String channel) {
		int length() {
			return folded.codePointCount(0, folded.length());
		}
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		ObjectMapper json = new ObjectMapper();
		List<Doc> docs = new ArrayList<>();
		long chars = 0;
		try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					JsonNode node = json.readTree(line);
					docs.add(new Doc(TextNormalizer.fold(node.get("body_markdown").asString()),
							node.get("channel").asString()));
				}
			}
		}
		Random random = new Random(20261203);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < docs.size(); i++) {
			order.add(i);
			chars += docs.get(i).length();
		}
		Collections.shuffle(order, random);
		// a tenth held out (at most `queries`): the unrelated texts and the negatives
		int holdOut = Math.min(queries, docs.size() / 10);
		boolean[] heldOut = new boolean[docs.size()];
		List<Integer> negatives = order.subList(0, holdOut);
		negatives.forEach(i -> heldOut[i] = true);
		// built twice: the first pass warms the JIT, the second is timed
		PassageIndex index = new PassageIndex();
		for (int i = 0; i < docs.size(); i++) {
			if (!heldOut[i]) {
				index.add(i, Winnowing.fingerprints(docs.get(i).folded()));
			}
		}
		index = new PassageIndex();
		long t0 = System.nanoTime();
		long stored = 0;
		int rows = 0;
		for (int i = 0; i < docs.size(); i++) {
			if (!heldOut[i]) {
				int[] prints = Winnowing.fingerprints(docs.get(i).folded());
				index.add(i, prints);
				if (prints.length > 0) {
					stored += PassagePrints.encode(prints).length() + 8;
					rows++;
				}
			}
		}
		long t1 = System.nanoTime();
		// warm up the lookup path before timing it
		for (int i = 0; i < 200; i++) {
			lookup(index, docs, docs.get(order.get(holdOut + i % (docs.size() - holdOut))).folded());
		}
		System.out.printf(
				"corpus %s: %,d articles, %,d folded characters; indexed %,d (%,d with fingerprints) in %.2f s;"
						+ " %,d postings (%.3f per character): %.1f MB in memory, %.1f MB stored (Base64 + id)%n",
				corpus.getFileName(), docs.size(), chars, docs.size() - holdOut, rows, (t1 - t0) / 1e9,
				index.postings(), index.postings() / (double) chars, index.postings() * 8 / 1e6, stored / 1e6);

		// the new text around a pasted passage: held-out articles that share no run at
		// all with an indexed one (the corpus holds some texts twice — man pages under
		// two names, poems in two collections — and those would be copies themselves)
		StringBuilder ownPool = new StringBuilder();
		int clean = 0;
		for (int i : negatives) {
			String folded = docs.get(i).folded();
			boolean shares = index.candidates(Winnowing.fingerprints(folded), 1, OriginalityEngine.MAX_CANDIDATES)
				.stream()
				.anyMatch(c -> Passages.compare(folded, docs.get((int) c.id()).folded()).copied() > 0);
			if (!shares) {
				ownPool.append(folded);
				clean++;
			}
		}
		int[] own = ownPool.toString().codePoints().toArray();
		System.out.printf("new text around the pasted passages: %,d characters from %d held-out articles%n", own.length,
				clean);
		List<Integer> sources = order.subList(holdOut, docs.size());
		System.out.println(
				"pasted | sources | n | source found | finding on the source (defaults) | findings: source / other article"
						+ " holding the pasted text / false | precision | lookup p50 | p95 | CPU time p50 | p95");
		for (double share : new double[] { 0.1, 0.3, 0.5 }) {
			for (String band : new String[] { "long (>=200)", "short (<200)" }) {
				int n = 0;
				int found = 0;
				int flagged = 0;
				int findings = 0;
				int elsewhere = 0;
				int wrong = 0;
				List<Long> latencies = new ArrayList<>();
				List<Long> cpu = new ArrayList<>();
				for (int s : sources) {
					Doc source = docs.get(s);
					boolean isLong = source.length() >= 200;
					if (isLong != band.startsWith("long") || source.length() < Winnowing.K) {
						continue;
					}
					if (n >= queries) {
						break;
					}
					n++;
					int[] cps = source.folded().codePoints().toArray();
					int pasted = Math.max(1, (int) Math.round(cps.length * share));
					int from = random.nextInt(cps.length - pasted + 1);
					int mine = cps.length - pasted;
					int ownFrom = random.nextInt(own.length - mine);
					int split = random.nextInt(mine + 1);
					StringBuilder query = new StringBuilder();
					query.append(new String(own, ownFrom, split));
					query.append(new String(cps, from, pasted));
					query.append(new String(own, ownFrom + split, mine - split));
					String passage = new String(cps, from, pasted);
					long start = System.nanoTime();
					long cpuStart = THREADS.getCurrentThreadCpuTime();
					List<long[]> result = lookup(index, docs, query.toString());
					cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
					latencies.add(System.nanoTime() - start);
					boolean sourceFound = false;
					boolean sourceFlagged = false;
					for (long[] r : result) {
						boolean isSource = r[0] == s
								// another edition of the same text holds the passage too
								|| Passages.compare(passage, docs.get((int) r[0]).folded()).share() >= 0.8;
						if (isSource) {
							sourceFound = true;
						}
						if (r[1] == 1) {
							findings++;
							if (isSource) {
								sourceFlagged = true;
							}
							else if (Passages.compare(passage, docs.get((int) r[0]).folded()).copied() >= DEFAULTS
								.minPassage()) {
								// another article holds (part of) the pasted text too:
								// the
								// corpus has it twice (a licence notice, a man page under
								// two names)
								elsewhere++;
							}
							else {
								wrong++;
							}
						}
					}
					found += sourceFound ? 1 : 0;
					flagged += sourceFlagged ? 1 : 0;
				}
				long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
				long[] sortedCpu = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
				System.out.printf(
						"%.0f%% | %s | %d | %.3f | %.3f | %d / %d / %d | %.4f | %.2f ms | %.2f ms | cpu %.2f ms | %.2f ms%n",
						share * 100, band, n, found / (double) Math.max(1, n), flagged / (double) Math.max(1, n),
						findings - elsewhere - wrong, elsewhere, wrong,
						findings == 0 ? 1.0 : (findings - wrong) / (double) findings,
						sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6,
						sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)] / 1e6,
						sortedCpu.length == 0 ? 0 : sortedCpu[sortedCpu.length / 2] / 1e6,
						sortedCpu.length == 0 ? 0 : sortedCpu[(int) (sortedCpu.length * 0.95)] / 1e6);
			}
		}
		// unrelated articles (held out, never pasted from): a finding is a false positive
		for (String band : new String[] { "long (>=200)", "short (<200)" }) {
			int n = 0;
			int withCandidates = 0;
			int falseFindings = 0;
			int duplicates = 0;
			int shown = 0;
			for (int i : negatives) {
				Doc d = docs.get(i);
				if ((d.length() >= 200) != band.startsWith("long")) {
					continue;
				}
				n++;
				List<long[]> result = lookup(index, docs, d.folded());
				withCandidates += result.isEmpty() ? 0 : 1;
				boolean flagged = result.stream().anyMatch(r -> r[1] == 1);
				if (flagged) {
					long[] hit = result.stream().filter(x -> x[1] == 1).findFirst().orElseThrow();
					int longest = Passages.compare(d.folded(), docs.get((int) hit[0]).folded())
						.runs()
						.stream()
						.mapToInt(Passages.Run::length)
						.max()
						.orElse(0);
					if (longest >= 100
							|| Passages.compare(d.folded(), docs.get((int) hit[0]).folded()).share() >= 0.8) {
						duplicates++; // the same text twice in the corpus: a copy indeed
						continue;
					}
					falseFindings++;
					if (shown++ < 5 && System.getenv("BENCH_SHOW") != null) {
						long[] r = result.stream().filter(x -> x[1] == 1).findFirst().orElseThrow();
						Passages.Comparison c = Passages.compare(d.folded(), docs.get((int) r[0]).folded());
						Passages.Run run = c.runs().get(0);
						System.out.printf(
								"  finding on an unrelated %s article: %.0f%% (%d chars) shared with a %s article: %s%n",
								d.channel(), c.share() * 100, c.copied(), docs.get((int) r[0]).channel(),
								new String(d.folded().codePoints().toArray(), run.start(), Math.min(40, run.length())));
					}
				}
			}
			System.out.printf(
					"unrelated %s: %d articles, %d with candidates; %d findings on the same text present twice in the corpus"
							+ " (a shared run >= 100 chars or 80%% of the text); %d findings on common phrases only (false positive rate %.4f)%n",
					band, n, withCandidates, duplicates, falseFindings, falseFindings / (double) Math.max(1, n));
		}
	}

	/**
	 * What the application does for a text, with the indexed texts in memory instead of
	 * read from the database: {candidate id, 1 when a finding under the defaults}.
	 */
	static List<long[]> lookup(PassageIndex index, List<Doc> docs, String folded) {
		List<long[]> out = new ArrayList<>();
		if (folded.codePointCount(0, folded.length()) < DEFAULTS.minPassage()) {
			return out;
		}
		for (PassageIndex.Candidate c : index.candidates(Winnowing.fingerprints(folded),
				OriginalityEngine.MIN_SHARED_PRINTS, OriginalityEngine.MAX_CANDIDATES)) {
			Passages.Comparison comparison = Passages.compare(folded, docs.get((int) c.id()).folded());
			out.add(new long[] { c.id(), DEFAULTS.partialCopy(comparison.copied(), comparison.share()) ? 1 : 0 });
		}
		return out;
	}

}
