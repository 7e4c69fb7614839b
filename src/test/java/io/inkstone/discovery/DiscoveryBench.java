package io.inkstone.discovery;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import org.apache.lucene.analysis.Analyzer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * Discovery benchmark and evaluation (bench/discovery.sh), per analyzer: index build
 * rate, search and related-articles latency, and quality without human labels — related
 * articles: another work by the same author (or another section of the same document) is
 * relevant, P@5 and nDCG@10, against the baseline "newest in the same channel"; search: a
 * work's title finds it (known-item MRR@10) and an author's name finds their works (P@5).
 * Not a test: run by hand; prints a table for bench/README.md.
 */
public final class DiscoveryBench {

	record Doc(long id, String title, String body, String creator, long creatorId, long channelId, long publishedAt,
			String creatorName, String key, String channel) {
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
		List<String> analyzers = args.length > 2 ? List.of(args[2].split(",")) : List.of("smartcn", "hanlp");
		// "search" skips the reading-log replays and the hot-list ingestion (they do not
		// touch search)
		boolean searchOnly = args.length > 3 && args[3].equals("search");
		List<Doc> docs = load(corpus, limit);
		System.out.printf("corpus %s: %,d articles%n", corpus.getFileName(), docs.size());
		String name = corpus.getFileName().toString().replaceFirst("\\.jsonl$", "");
		Findability.QuerySets queries = Findability.querySets(docs, Path.of("bench/queries"), name);
		for (String analyzer : analyzers) {
			run(analyzer, docs, queries, searchOnly);
		}
		if (!searchOnly) {
			hotListIngestion();
		}
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
						n.has("creator_name") ? n.get("creator_name").asString() : creator, n.get("id").asString(),
						n.get("channel").asString()));
			}
		}
		return docs;
	}

	static void run(String analyzer, List<Doc> docs, Findability.QuerySets queries, boolean searchOnly)
			throws Exception {
		// -Dbench.index=DIR keeps the index in DIR/<analyzer> and reuses it when it holds
		// the whole corpus already (the full corpus takes half an hour to index): for
		// changes made at query time only
		String keep = System.getProperty("bench.index");
		Path dir = keep == null ? Files.createTempDirectory("inkstone-bench-" + analyzer)
				: Files.createDirectories(Path.of(keep, analyzer));
		InkstoneProperties properties = new InkstoneProperties(dir, "bench", null, null, null, null, null, false, null,
				null, null);
		LuceneSearchIndex index = new LuceneSearchIndex(properties, analyzer);
		boolean reuse = keep != null && index.documentCount() == docs.size()
				&& index.feedPosition() == docs.get(docs.size() - 1).id();
		if (keep != null) {
			System.out.printf("%-8s index in %s: %s%n", analyzer, dir,
					reuse ? "reused (" + docs.size() + " documents)" : "built afresh");
		}
		if (!reuse) {
			index.reset();
		}
		long start = System.nanoTime();
		for (int i = reuse ? docs.size() : 0; i < docs.size(); i += 1000) {
			List<ChangedArticle> batch = docs.subList(i, Math.min(docs.size(), i + 1000))
				.stream()
				.map(d -> new ChangedArticle(d.id(), d.title(), d.body(), d.creatorId(), d.channelId(), "published",
						d.publishedAt(), d.id(), d.creatorName()))
				.toList();
			index.apply(batch, batch.get(batch.size() - 1).changeSeq());
		}
		double buildSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%-8s index size on disk %.1f MB%n", analyzer, Findability.sizeMb(dir.resolve("index")));
		Random random = new Random(7);
		Map<Long, List<Doc>> byCreator = new HashMap<>();
		docs.forEach(d -> byCreator.computeIfAbsent(d.creatorId(), k -> new ArrayList<>()).add(d));
		Map<Long, List<Doc>> byChannel = new HashMap<>();
		docs.forEach(d -> byChannel.computeIfAbsent(d.channelId(), k -> new ArrayList<>()).add(d));
		byChannel.values().forEach(l -> l.sort(Comparator.comparingLong(Doc::publishedAt).reversed()));
		Function<Long, Doc> doc = id -> docs.get((int) (id - 1));

		// related articles: MoreLikeThis vs newest-in-channel, for articles whose author
		// has other works
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
			Set<Long> relevant = Set
				.copyOf(byCreator.get(d.creatorId()).stream().map(Doc::id).filter(id -> id != d.id()).toList());
			mltP5 += precision(related, relevant, 5);
			mltNdcg += ndcg(related, relevant, 10);
			List<Long> baseline = byChannel.get(d.channelId())
				.stream()
				.map(Doc::id)
				.filter(id -> id != d.id())
				.limit(10)
				.toList();
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
			List<Long> hits = index.search(d.title(), SearchIndex.Filters.NONE, false, 0, 10)
				.hits()
				.stream()
				.map(SearchHit::articleId)
				.toList();
			searchNanos.add(System.nanoTime() - t);
			int rank = hits.indexOf(d.id());
			mrr += rank < 0 ? 0 : 1.0 / (rank + 1);
			if (i % 4 == 0 && d.creator().length() >= 2) {
				long t2 = System.nanoTime();
				List<Long> byName = index.search(d.creatorName(), SearchIndex.Filters.NONE, false, 0, 5)
					.hits()
					.stream()
					.map(SearchHit::articleId)
					.toList();
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
		// the evaluations below fill the heap (two reading logs); the latencies above are
		// measured before them
		System.out.printf(
				"%-8s index %,d docs in %.1f s (%,.0f/s) | search p50 %.1f ms p95 %.1f ms | related p50 %.1f ms p95 %.1f ms%n",
				analyzer, docs.size(), buildSeconds, docs.size() / buildSeconds, pct(searchNanos, 50),
				pct(searchNanos, 95), pct(relatedNanos, 50), pct(relatedNanos, 95));
		System.out.printf(
				"%-8s related P@5 %.3f nDCG@10 %.3f (baseline newest-in-channel P@5 %.3f nDCG@10 %.3f) | title MRR@10 %.3f | author P@5 %.3f%n",
				analyzer, mltP5 / sample.size(), mltNdcg / sample.size(), baseP5 / sample.size(),
				baseNdcg / sample.size(), mrr / 400, authorP5 / Math.max(1, authorQueries));
		Findability.evaluate(analyzer, index, docs, queries);
		if (Boolean.getBoolean("bench.boosts")) {
			// the phrase weights, compared on the same index and queries (title phrase ×
			// body phrase)
			for (float[] boosts : new float[][] { { 1, 1 }, { 2, 1 }, { 4, 4 }, { 8, 4 }, { 0, 0 } }) {
				index.phraseBoosts(boosts[0], boosts[1]);
				String variant = analyzer + " phrase boosts " + boosts[0] + "/" + boosts[1];
				Findability.evaluate(variant, index, docs, queries);
				evaluateSearchQuality(variant, index, ChineseAnalysis.queryAnalyzer(analyzer), docs, byCreator,
						new Random(3));
			}
			index.phraseBoosts(LuceneSearchIndex.TITLE_PHRASE_BOOST, LuceneSearchIndex.BODY_PHRASE_BOOST);
		}
		String partBoosts = System.getProperty("bench.partBoosts");
		if (partBoosts != null) {
			// the exact title / title part weight, compared on the same index and queries
			// (0: without it, as before)
			for (String boost : partBoosts.split(",")) {
				index.titlePartBoost(Float.parseFloat(boost));
				String variant = analyzer + " title part boost " + boost;
				Findability.evaluate(variant, index, docs, queries);
				evaluateSearchQuality(variant, index, ChineseAnalysis.queryAnalyzer(analyzer), docs, byCreator,
						new Random(3));
			}
			index.titlePartBoost(LuceneSearchIndex.TITLE_PART_BOOST);
		}
		if (!searchOnly) {
			evaluateHybrid(analyzer, index, docs, byCreator, byChannel, new Random(11));
		}
		evaluateSearchQuality(analyzer + "/coarse query", index, ChineseAnalysis.queryAnalyzer(analyzer), docs,
				byCreator, new Random(3));
		evaluateSearchQuality(analyzer + "/fine query", index, ChineseAnalysis.analyzer(analyzer), docs, byCreator,
				new Random(3));
		index.close();
	}

	/**
	 * Hybrid related articles, measured on a synthetic reading log replayed through
	 * {@link CoReads} (the corpus has no reading history). Readers start at an article
	 * drawn by popularity (Zipf over a fixed random order of the corpus) and read on:
	 * with probability {@code interest} another work by the same creator (what 往期回顾
	 * offers a reader who liked the piece), with {@code popular} a popular article (the
	 * hot list: popularity noise), else any article. Two logs: "interest" (0.5 / 0.3 /
	 * 0.2) and "noise only" (0 / 0.6 / 0.4). The interest log follows the same weak label
	 * the evaluator uses, so its gain shows that the fusion carries a real co-read signal
	 * through; the noise log shows what popularity noise alone costs. Articles with
	 * co-read candidates are evaluated, unlimited per creator (the product caps at two
	 * per creator, which would cap P@5 at 0.4 here).
	 */
	static void evaluateHybrid(String analyzer, LuceneSearchIndex index, List<Doc> docs, Map<Long, List<Doc>> byCreator,
			Map<Long, List<Doc>> byChannel, Random random) throws Exception {
		long now = docs.stream().mapToLong(Doc::publishedAt).max().orElseThrow();
		RelatedFusion fresh = new RelatedFusion(0.2, Duration.ofDays(30));
		RelatedFusion timeless = RelatedFusion.timeless();
		int[] order = new int[docs.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		double[] zipf = zipfCumulative(docs.size(), 1.0);
		for (double[] mix : new double[][] { { 0.5, 0.3 }, { 0.0, 0.6 } }) {
			Replay replay = coReadsOnTemporarySqlite();
			CoReads coReads = replay.coReads();
			Random log = new Random(11);
			int sessions = 400_000;
			long reads = 0;
			for (int s = 0; s < sessions; s++) {
				String reader = "r" + s;
				Doc current = docs.get(order[pick(zipf, log)]);
				coReads.recordRead(reader, current.id());
				reads++;
				while (log.nextDouble() < 0.65) {
					double r = log.nextDouble();
					List<Doc> same = byCreator.get(current.creatorId());
					if (r < mix[0] && same.size() > 1) {
						current = same.get(log.nextInt(same.size()));
					}
					else if (r < mix[0] + mix[1]) {
						current = docs.get(order[pick(zipf, log)]);
					}
					else {
						current = docs.get(log.nextInt(docs.size()));
					}
					coReads.recordRead(reader, current.id());
					reads++;
				}
				if (s % 50_000 == 0) {
					coReads.flush();
				}
			}
			coReads.flush();
			List<Doc> sample = new ArrayList<>();
			for (int i = 0; i < docs.size() && sample.size() < 500; i++) {
				Doc d = docs.get(order[i]); // the most popular first: those are the ones
											// with reading history
				if (byCreator.get(d.creatorId()).size() >= 6 && !replay.byRawCount(d.id(), 1).isEmpty()) {
					sample.add(d);
				}
			}
			String[] names = { "newest in channel", "MoreLikeThis", "MLT + freshness", "co-reads, raw count",
					"co-reads vs chance", "hybrid, raw count", "hybrid vs chance", "hybrid vs chance + fresh" };
			double[] p5 = new double[names.length];
			double[] ndcg = new double[names.length];
			double[] ageDays = new double[names.length];
			List<Long> hybridNanos = new ArrayList<>();
			for (Doc d : sample) {
				long t = System.nanoTime();
				List<Long> content = index.moreLikeThis(d.id(), 14, 14);
				List<Long> together = coReads.top(d.id(), 14);
				List<Long> hybridFresh = fresh.rank(content, together, id -> docs.get((int) (id - 1)).publishedAt(),
						now);
				hybridNanos.add(System.nanoTime() - t);
				List<Long> raw = replay.byRawCount(d.id(), 14);
				Set<Long> relevant = Set
					.copyOf(byCreator.get(d.creatorId()).stream().map(Doc::id).filter(id -> id != d.id()).toList());
				List<List<Long>> lists = List.of(
						byChannel.get(d.channelId())
							.stream()
							.map(Doc::id)
							.filter(id -> id != d.id())
							.limit(10)
							.toList(),
						content, fresh.rank(content, List.of(), id -> docs.get((int) (id - 1)).publishedAt(), now), raw,
						together, timeless.rank(content, raw, id -> 0, now),
						timeless.rank(content, together, id -> 0, now), hybridFresh);
				for (int v = 0; v < names.length; v++) {
					p5[v] += precision(lists.get(v), relevant, 5);
					ndcg[v] += ndcg(lists.get(v), relevant, 10);
					ageDays[v] += lists.get(v)
						.stream()
						.limit(5)
						.mapToLong(id -> now - docs.get((int) (id - 1)).publishedAt())
						.average()
						.orElse(0) / 86_400_000.0;
				}
			}
			System.out.printf(
					"%-8s co-read log \"%s\": %,d sessions, %,d reads; %d evaluated articles with co-reads; hybrid compute p50 %.1f ms p95 %.1f ms%n",
					analyzer, mix[0] > 0 ? "interest" : "noise only", sessions, reads, sample.size(),
					pct(hybridNanos, 50), pct(hybridNanos, 95));
			for (int v = 0; v < names.length; v++) {
				System.out.printf("%-8s   %-24s P@5 %.3f nDCG@10 %.3f mean age of top 5 %.0f days%n", analyzer,
						names[v], p5[v] / sample.size(), ndcg[v] / sample.size(), ageDays[v] / sample.size());
			}
		}
	}

	/**
	 * A {@link CoReads} on a temporary SQLite database with the application's own
	 * co_reads migration.
	 */
	record Replay(CoReads coReads, JdbcClient jdbc) {

		/**
		 * The raw-count order (before the comparison with chance), for the evaluation.
		 */
		List<Long> byRawCount(long id, int size) {
			return jdbc.sql(
					"SELECT CASE WHEN a = :id THEN b ELSE a END FROM co_reads WHERE (a = :id OR b = :id) AND reads >= :min"
							+ " ORDER BY reads DESC LIMIT :size")
				.param("id", id)
				.param("min", CoReads.MIN_READERS)
				.param("size", size)
				.query(Long.class)
				.list();
		}
	}

	static Replay coReadsOnTemporarySqlite() throws Exception {
		Path file = Files.createTempFile("inkstone-bench-coreads", ".db");
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=NORMAL");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String migration : List.of("V202611270000__discovery_co_reads.sql",
				"V202611270130__discovery_co_read_totals.sql")) {
			String ddl = new String(
					DiscoveryBench.class.getResourceAsStream("/db/migration/" + migration).readAllBytes(),
					StandardCharsets.UTF_8)
				.replaceAll("(?m)^--.*$", "");
			for (String statement : ddl.split(";")) {
				if (!statement.isBlank()) {
					jdbc.sql(statement).update();
				}
			}
		}
		var tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		return new Replay(new CoReads(jdbc, tx, event -> {
		}, Clock.systemUTC()), jdbc);
	}

	static double[] zipfCumulative(int n, double exponent) {
		double[] cumulative = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += 1 / Math.pow(i + 1, exponent);
			cumulative[i] = sum;
		}
		for (int i = 0; i < n; i++) {
			cumulative[i] /= sum;
		}
		return cumulative;
	}

	static int pick(double[] cumulative, Random random) {
		int at = Arrays.binarySearch(cumulative, random.nextDouble());
		return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
	}

	/**
	 * Search quality, P@5 and nDCG@10, against SQL LIKE over title and body, newest first
	 * (how WordPress searches): an author's name should find their works, a ci tune name
	 * (词牌, the title before "・") the ci set to that tune.
	 */
	static void evaluateSearchQuality(String analyzer, LuceneSearchIndex index, Analyzer queryAnalysis, List<Doc> docs,
			Map<Long, List<Doc>> byCreator, Random random) {
		Map<String, Set<Long>> byTune = new HashMap<>();
		for (Doc d : docs) {
			String tune = d.title().split("・")[0].trim();
			if (tune.length() >= 2 && tune.length() <= 6) {
				byTune.computeIfAbsent(d.channelId() + "|" + tune, k -> new HashSet<>()).add(d.id());
			}
		}
		List<Map.Entry<String, Set<Long>>> tunes = byTune.entrySet()
			.stream()
			.filter(e -> e.getValue().size() >= 10)
			.sorted(Map.Entry.comparingByKey())
			.toList();
		List<Doc> newestFirst = docs.stream().sorted(Comparator.comparingLong(Doc::publishedAt).reversed()).toList();
		double[] p5 = new double[4];
		double[] ndcg = new double[4];
		double mrr = 0;
		int queries = 0;
		for (int i = 0; i < 100; i++) {
			Doc d = docs.get(random.nextInt(docs.size()));
			while (byCreator.get(d.creatorId()).size() < 5 || d.creatorName().length() < 2) {
				d = docs.get(random.nextInt(docs.size()));
			}
			Set<Long> works = Set.copyOf(byCreator.get(d.creatorId()).stream().map(Doc::id).toList());
			Map.Entry<String, Set<Long>> tune = tunes.get(random.nextInt(tunes.size()));
			String tuneName = tune.getKey().substring(tune.getKey().indexOf('|') + 1);
			String[][] cases = { { d.creatorName() }, { tuneName } };
			List<Set<Long>> relevant = List.of(works, tune.getValue());
			for (int c = 0; c < 2; c++) {
				String q = cases[c][0];
				List<Long> lucene = index.search(q, SearchIndex.Filters.NONE, false, 0, 10, queryAnalysis)
					.hits()
					.stream()
					.map(SearchHit::articleId)
					.toList();
				List<Long> like = newestFirst.stream()
					.filter(x -> x.title().contains(q) || x.body().contains(q))
					.limit(10)
					.map(Doc::id)
					.toList();
				p5[c * 2] += precision(lucene, relevant.get(c), 5);
				ndcg[c * 2] += ndcg(lucene, relevant.get(c), 10);
				p5[c * 2 + 1] += precision(like, relevant.get(c), 5);
				ndcg[c * 2 + 1] += ndcg(like, relevant.get(c), 10);
			}
			Doc known = docs.get(random.nextInt(docs.size()));
			int rank = index.search(known.title(), SearchIndex.Filters.NONE, false, 0, 10, queryAnalysis)
				.hits()
				.stream()
				.map(SearchHit::articleId)
				.toList()
				.indexOf(known.id());
			mrr += rank < 0 ? 0 : 1.0 / (rank + 1);
			queries++;
		}
		System.out.printf(
				"%-8s search quality (%d queries each): author name P@5 %.3f nDCG@10 %.3f (LIKE newest-first %.3f / %.3f) | title/tune name P@5 %.3f nDCG@10 %.3f (LIKE %.3f / %.3f) | known title MRR@10 %.3f%n",
				analyzer, queries, p5[0] / queries, ndcg[0] / queries, p5[1] / queries, ndcg[1] / queries,
				p5[2] / queries, ndcg[2] / queries, p5[3] / queries, ndcg[3] / queries, mrr / queries);
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

	/**
	 * Engagement events folded into hot scores on one node through the application's own
	 * store ({@link LocalHotScores#add}: forward decay in the log domain, concurrent
	 * score map, dirty set), by two threads as two request threads would.
	 */
	static void hotListIngestion() throws InterruptedException {
		LocalHotScores store = new LocalHotScores(null, null, Clock.systemUTC());
		ForwardDecay decay = new ForwardDecay(Duration.ofHours(6));
		int perThread = 3_000_000;
		long now = System.currentTimeMillis();
		Thread[] threads = new Thread[2];
		long start = System.nanoTime();
		for (int t = 0; t < threads.length; t++) {
			int seed = t;
			threads[t] = new Thread(() -> {
				Random random = new Random(seed);
				for (int i = 0; i < perThread; i++) {
					long article = random.nextInt(100_000);
					store.add(article, article % 12, decay.logWeight(1.0, now + i));
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int events = perThread * threads.length;
		System.out.printf("hot list: %,d events into LocalHotScores in %.2f s (%,.0f events/s, %d threads)%n", events,
				seconds, events / seconds, threads.length);
	}

}
