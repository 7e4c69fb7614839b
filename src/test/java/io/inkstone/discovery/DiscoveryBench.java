package io.inkstone.discovery;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import io.inkstone.articles.ChangedArticle;
import io.inkstone.shared.InkstoneProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Discovery benchmark and evaluation (bench/discovery.sh), per analyzer: index build rate, search and
 * related-articles latency, and quality without human labels — related articles: another work by the same
 * author (or another section of the same document) is relevant, P@5 and nDCG@10, against the baseline
 * "newest in the same channel"; search: a work's title finds it (known-item MRR@10) and an author's name finds
 * their works (P@5). Not a test: run by hand; prints a table for bench/README.md.
 */
public final class DiscoveryBench {

	record Doc(long id, String title, String body, String creator, long creatorId, long channelId, long publishedAt,
			String creatorName) {
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
		List<String> analyzers = args.length > 2 ? List.of(args[2].split(",")) : List.of("smartcn", "hanlp");
		List<Doc> docs = load(corpus, limit);
		System.out.printf("corpus %s: %,d articles%n", corpus.getFileName(), docs.size());
		for (String analyzer : analyzers) {
			run(analyzer, docs);
		}
		hotListIngestion();
	}

	static List<Doc> load(Path corpus, int limit) throws Exception {
		ObjectMapper json = new ObjectMapper();
		Map<String, Long> creatorIds = new HashMap<>();
		Map<String, Long> channelIds = new HashMap<>();
		List<Doc> docs = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null && docs.size() < limit) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode n = json.readTree(line);
				String creator = n.get("creator").asString();
				docs.add(new Doc(docs.size() + 1, n.get("title").asString(), n.get("body_markdown").asString(), creator,
						creatorIds.computeIfAbsent(creator, k -> (long) creatorIds.size() + 1),
						channelIds.computeIfAbsent(n.get("channel").asString(), k -> (long) channelIds.size() + 1),
						OffsetDateTime.parse(n.get("published_at").asString()).toInstant().toEpochMilli(),
						n.has("creator_name") ? n.get("creator_name").asString() : creator));
			}
		}
		return docs;
	}

	static void run(String analyzer, List<Doc> docs) throws Exception {
		Path dir = Files.createTempDirectory("inkstone-bench-" + analyzer);
		InkstoneProperties properties = new InkstoneProperties(dir, "bench", null, null, null, null, null, false, null, null);
		LuceneSearchIndex index = new LuceneSearchIndex(properties, analyzer);
		long start = System.nanoTime();
		for (int i = 0; i < docs.size(); i += 1000) {
			List<ChangedArticle> batch = docs.subList(i, Math.min(docs.size(), i + 1000)).stream()
				.map(d -> new ChangedArticle(d.id(), d.title(), d.body(), d.creatorId(), d.channelId(), "published", d.publishedAt(), d.id(),
						d.creatorName()))
				.toList();
			index.apply(batch, batch.get(batch.size() - 1).changeSeq());
		}
		double buildSeconds = (System.nanoTime() - start) / 1e9;
		Random random = new Random(7);
		Map<Long, List<Doc>> byCreator = new HashMap<>();
		docs.forEach(d -> byCreator.computeIfAbsent(d.creatorId(), k -> new ArrayList<>()).add(d));
		Map<Long, List<Doc>> byChannel = new HashMap<>();
		docs.forEach(d -> byChannel.computeIfAbsent(d.channelId(), k -> new ArrayList<>()).add(d));
		byChannel.values().forEach(l -> l.sort(Comparator.comparingLong(Doc::publishedAt).reversed()));
		Function<Long, Doc> doc = id -> docs.get((int) (id - 1));

		// related articles: MoreLikeThis vs newest-in-channel, for articles whose author has other works
		List<Doc> sample = new ArrayList<>();
		while (sample.size() < 500) {
			Doc d = docs.get(random.nextInt(docs.size()));
			if (byCreator.get(d.creatorId()).size() >= 6) {
				sample.add(d);
			}
		}
		List<Long> relatedNanos = new ArrayList<>();
		double mltP5 = 0, mltNdcg = 0, baseP5 = 0, baseNdcg = 0;
		for (Doc d : sample) {
			long t = System.nanoTime();
			List<Long> related = index.moreLikeThis(d.id(), 10, 10);
			relatedNanos.add(System.nanoTime() - t);
			Set<Long> relevant = Set.copyOf(byCreator.get(d.creatorId()).stream().map(Doc::id).filter(id -> id != d.id()).toList());
			mltP5 += precision(related, relevant, 5);
			mltNdcg += ndcg(related, relevant, 10);
			List<Long> baseline = byChannel.get(d.channelId()).stream().map(Doc::id).filter(id -> id != d.id()).limit(10).toList();
			baseP5 += precision(baseline, relevant, 5);
			baseNdcg += ndcg(baseline, relevant, 10);
		}

		// search: a work's title finds it; an author's name finds their works
		List<Long> searchNanos = new ArrayList<>();
		double mrr = 0;
		double authorP5 = 0;
		int authorQueries = 0;
		for (int i = 0; i < 400; i++) {
			Doc d = docs.get(random.nextInt(docs.size()));
			long t = System.nanoTime();
			List<Long> hits = index.search(d.title(), SearchIndex.Filters.NONE, false, 0, 10).hits().stream().map(SearchHit::articleId).toList();
			searchNanos.add(System.nanoTime() - t);
			int rank = hits.indexOf(d.id());
			mrr += rank < 0 ? 0 : 1.0 / (rank + 1);
			if (i % 4 == 0 && d.creator().length() >= 2) {
				long t2 = System.nanoTime();
				List<Long> byName = index.search(d.creatorName(), SearchIndex.Filters.NONE, false, 0, 5).hits().stream()
					.map(SearchHit::articleId).toList();
				searchNanos.add(System.nanoTime() - t2);
				Set<Long> works = Set.copyOf(byCreator.get(d.creatorId()).stream().map(Doc::id).toList());
				authorP5 += precision(byName, works, 5);
				authorQueries++;
			}
			// a random 4-character phrase of the body, and a single random character
			String body = d.body().replaceAll("\\s", "");
			if (body.length() > 8) {
				int at = random.nextInt(body.length() - 4);
				long t3 = System.nanoTime();
				index.search(body.substring(at, at + 4), SearchIndex.Filters.NONE, false, 0, 10);
				index.search(body.substring(at, at + 1), SearchIndex.Filters.NONE, false, 0, 10);
				searchNanos.add((System.nanoTime() - t3) / 2);
			}
		}
		System.out.printf("%-8s index %,d docs in %.1f s (%,.0f/s) | search p50 %.1f ms p95 %.1f ms | related p50 %.1f ms p95 %.1f ms%n",
				analyzer, docs.size(), buildSeconds, docs.size() / buildSeconds, pct(searchNanos, 50), pct(searchNanos, 95),
				pct(relatedNanos, 50), pct(relatedNanos, 95));
		System.out.printf("%-8s related P@5 %.3f nDCG@10 %.3f (baseline newest-in-channel P@5 %.3f nDCG@10 %.3f) | title MRR@10 %.3f | author P@5 %.3f%n",
				analyzer, mltP5 / sample.size(), mltNdcg / sample.size(), baseP5 / sample.size(), baseNdcg / sample.size(), mrr / 400,
				authorP5 / Math.max(1, authorQueries));
		index.close();
	}

	static double precision(List<Long> ranked, Set<Long> relevant, int k) {
		long hits = ranked.stream().limit(k).filter(relevant::contains).count();
		return hits / (double) k;
	}

	static double ndcg(List<Long> ranked, Set<Long> relevant, int k) {
		double dcg = 0;
		for (int i = 0; i < Math.min(k, ranked.size()); i++) {
			if (relevant.contains(ranked.get(i))) {
				dcg += 1 / (Math.log(i + 2) / Math.log(2));
			}
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(k, relevant.size()); i++) {
			ideal += 1 / (Math.log(i + 2) / Math.log(2));
		}
		return ideal == 0 ? 0 : dcg / ideal;
	}

	static double pct(List<Long> nanos, int p) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
	}

	/** Engagement events folded into hot scores on one node (forward decay + the in-memory score map). */
	static void hotListIngestion() {
		ForwardDecay decay = new ForwardDecay(java.time.Duration.ofHours(6));
		Map<Long, Double> scores = new java.util.concurrent.ConcurrentHashMap<>();
		Random random = new Random(1);
		int events = 5_000_000;
		long now = System.currentTimeMillis();
		long start = System.nanoTime();
		for (int i = 0; i < events; i++) {
			double w = decay.logWeight(1.0, now + i);
			scores.merge((long) random.nextInt(100_000), w, ForwardDecay::logAdd);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("hot list: %,d events in %.2f s (%,.0f events/s, one thread)%n", events, seconds, events / seconds);
	}

}
