package io.inkstone.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import io.inkstone.articles.ChangedArticle;
import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.shared.InkstoneProperties;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.springframework.stereotype.Component;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;

/**
 * Lucene index under {@code <data-dir>/index}, near-real-time via a
 * {@link SearcherManager}.
 */
@Component
@Profile("!import")
class LuceneSearchIndex implements SearchIndex {

	/** How much more a title match weighs than a body match (shown on /algorithms). */
	static final int TITLE_BOOST = 3;

	static final String ID = "id";

	static final String TITLE = "title";

	static final String BODY = "body";

	static final String CREATOR = "creator";

	/**
	 * The creator's display name, analyzed like the text: a search for an author finds
	 * their work.
	 */
	static final String AUTHOR = "author";

	static final int AUTHOR_BOOST = 2;

	static final String CHANNEL = "channel";

	/** Pinyin keys of the title and the creator's name (see {@link Pinyin}). */
	static final String PINYIN = "pinyin";

	static final String PUBLISHED = "published";

	/**
	 * The title and the body once more as overlapping character pairs
	 * ({@link ChineseAnalysis#bigrams()}), for phrase matching that does not depend on
	 * where the segmenter cut: 湘妃怨 is 湘妃 妃怨 in 双调・湘妃怨 whatever HanLP made of either.
	 * Positions only, no term vectors (bench/README.md has what they cost).
	 */
	static final String TITLE_GRAMS = "title2";

	static final String BODY_GRAMS = "body2";

	/**
	 * The title whole and each of its parts between separators (双调・湘妃怨 → 双调・湘妃怨, 双调,
	 * 湘妃怨), folded ({@link #titleKey}), as exact keys: a query that is a whole title or
	 * one of its parts finds that article before any body that holds the same words
	 * (bench/README.md, findability on the full corpus).
	 */
	static final String TITLE_PARTS = "titlep";

	/**
	 * Weight of a query that is exactly a title or a part of one (a constant score, in
	 * the scale of the phrase scores: decided on the bench's query sets).
	 */
	static final float TITLE_PART_BOOST = 30;

	private static final Pattern TITLE_SEPARATORS = Pattern.compile("[\\s·・•:：,，、|｜/—–()（）《》〈〉「」『』\\[\\]【】]+");

	/**
	 * Weight of the query found as a phrase in a title, and in a body (decided on the
	 * bench's query sets).
	 */
	static final float TITLE_PHRASE_BOOST = 4;

	static final float BODY_PHRASE_BOOST = 2;

	/**
	 * Gaps allowed between the query's character pairs in the body (a dropped particle, a
	 * changed punctuation).
	 */
	static final int BODY_PHRASE_SLOP = 1;

	private static final String FEED_POSITION = "feedPosition";

	private static final String ANALYSIS = "analysis";

	private Map<String, String> commitData(long position) {
		return Map.of(FEED_POSITION, Long.toString(position), ANALYSIS, analysis);
	}

	private static final FieldType TEXT_WITH_VECTORS = textWithVectors();

	private static final FieldType GRAMS = grams();

	private final Analyzer bigrams = ChineseAnalysis.bigrams();

	private float titlePhraseBoost = TITLE_PHRASE_BOOST;

	private float bodyPhraseBoost = BODY_PHRASE_BOOST;

	private float titlePartBoost = TITLE_PART_BOOST;

	/** For the bench only: another weight for an exact title or title part (0: none). */
	void titlePartBoost(float boost) {
		this.titlePartBoost = boost;
	}

	/** For the bench only: other phrase weights on the same index. */
	void phraseBoosts(float title, float body) {
		this.titlePhraseBoost = title;
		this.bodyPhraseBoost = body;
	}

	private final FSDirectory directory;

	private final Analyzer analyzer;

	private final Analyzer queryAnalyzer;

	private final String analysis;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private volatile long feedPosition;

	LuceneSearchIndex(InkstoneProperties properties) throws IOException {
		this(properties, ChineseAnalysis.DEFAULT);
	}

	LuceneSearchIndex(InkstoneProperties properties, String analyzerName) throws IOException {
		this(properties, analyzerName, "coarse");
	}

	/**
	 * @param querySegmentation {@code coarse} (HanLP standard mode for queries, the
	 * default: the usual recall trick with the fine-grained index) or {@code fine} (the
	 * index's own segmentation; measured equal, bench/README.md)
	 */
	@Autowired
	LuceneSearchIndex(InkstoneProperties properties, SearchProperties search) throws IOException {
		this(properties, search.analyzer(), search.querySegmentation());
	}

	LuceneSearchIndex(InkstoneProperties properties, String analyzerName, String querySegmentation) throws IOException {
		this.analyzer = ChineseAnalysis.analyzer(analyzerName);
		this.queryAnalyzer = switch (querySegmentation) {
			case "fine" -> this.analyzer;
			case "coarse" -> ChineseAnalysis.queryAnalyzer(analyzerName);
			default -> throw new IllegalStateException(
					"inkstone.search.query-segmentation must be fine or coarse, not " + querySegmentation);
		};
		this.analysis = ChineseAnalysis.version(analyzerName);
		Path path = properties.dataDir().toAbsolutePath().resolve("index");
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		long position = 0;
		boolean sameAnalysis = true;
		if (DirectoryReader.indexExists(directory)) {
			Map<String, String> stored = SegmentInfos.readLatestCommit(directory).getUserData();
			sameAnalysis = analysis.equals(stored.get(ANALYSIS));
			position = !sameAnalysis || stored.get(FEED_POSITION) == null ? 0
					: Long.parseLong(stored.get(FEED_POSITION));
		}
		// built with another analysis: start empty at feed position 0, so the feeder
		// rebuilds it from the database
		IndexWriterConfig config = new IndexWriterConfig(
				new PerFieldAnalyzerWrapper(analyzer, Map.of(TITLE_GRAMS, bigrams, BODY_GRAMS, bigrams)))
			.setOpenMode(sameAnalysis ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
			.setRAMBufferSizeMB(64);
		this.writer = new IndexWriter(directory, config);
		this.writer.setLiveCommitData(commitData(position).entrySet());
		this.writer.commit(); // an empty index must exist for the first reader
		this.feedPosition = position;
		this.searchers = new SearcherManager(writer, null);
	}

	@Override
	public synchronized void apply(List<ChangedArticle> changes, long position) {
		if (closed) {
			return;
		}
		try {
			for (ChangedArticle change : changes) {
				Term id = new Term(ID, Long.toString(change.id()));
				if (change.isPublished()) {
					writer.updateDocument(id, toDocument(change));
				}
				else {
					writer.deleteDocuments(id);
				}
			}
			writer.setLiveCommitData(commitData(position).entrySet());
			writer.commit();
			feedPosition = position;
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void reset() {
		if (closed) {
			return;
		}
		try {
			writer.deleteAll();
			writer.setLiveCommitData(commitData(0).entrySet());
			writer.commit();
			feedPosition = 0;
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long feedPosition() {
		return feedPosition;
	}

	@Override
	public int documentCount() {
		IndexSearcher searcher = acquire();
		try {
			return searcher.getIndexReader().numDocs(); // what searches see, not what the
														// writer holds
		}
		finally {
			release(searcher);
		}
	}

	@Override
	public List<Long> moreLikeThis(long articleId, int size, int maxPerCreator) {
		IndexSearcher searcher = acquire();
		try {
			TopDocs self = searcher.search(new TermQuery(new Term(ID, Long.toString(articleId))), 1);
			if (self.scoreDocs.length == 0) {
				return List.of();
			}
			int docId = self.scoreDocs[0].doc;
			MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
			mlt.setAnalyzer(analyzer);
			mlt.setFieldNames(new String[] { TITLE, BODY });
			mlt.setMinTermFreq(1);
			mlt.setMinDocFreq(2);
			mlt.setMinWordLen(1);
			mlt.setMaxQueryTerms(30);
			if (searcher.getIndexReader().numDocs() >= 500) {
				mlt.setMaxDocFreqPct(20); // ignore words in a fifth of all articles (only
											// meaningful on real sites)
			}
			mlt.setBoost(true);
			Query like = mlt.like(docId);
			Query query = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
				.add(new TermQuery(new Term(ID, Long.toString(articleId))), BooleanClause.Occur.MUST_NOT)
				.build();
			TopDocs hits = searcher.search(query, size * 6);
			String selfTitle = searcher.storedFields().document(docId).get(TITLE);
			List<Long> result = new ArrayList<>(size);
			Map<String, Integer> perCreator = new HashMap<>();
			Set<String> titles = new HashSet<>();
			titles.add(selfTitle);
			for (ScoreDoc hit : hits.scoreDocs) {
				Document doc = searcher.storedFields().document(hit.doc);
				String creator = doc.get(CREATOR);
				// near-identical titles are usually reprints of the same text: show one
				if (!titles.add(doc.get(TITLE)) || perCreator.merge(creator, 1, Integer::sum) > maxPerCreator) {
					continue;
				}
				result.add(Long.parseLong(doc.get(ID)));
				if (result.size() == size) {
					break;
				}
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/**
	 * Full-text search. The query text is analyzed with the same Chinese analysis
	 * (coarsely segmented unless {@code inkstone.search.query-segmentation=fine}), never
	 * parsed as Lucene syntax, so any input is safe. Title matches weigh three times body
	 * matches; among equal scores the newer article wins.
	 */
	@Override
	public SearchPage search(String text, Filters filters, boolean newestFirst, int offset, int size) {
		return search(text, filters, newestFirst, offset, size, queryAnalyzer);
	}

	/**
	 * {@link #search} with the query segmented by {@code queryAnalysis} (the bench
	 * compares coarse and fine).
	 */
	SearchPage search(String text, Filters filters, boolean newestFirst, int offset, int size, Analyzer queryAnalysis) {
		List<String> terms = analyze(text, queryAnalysis);
		List<String> pinyin = Pinyin.queryParts(text);
		if (terms.isEmpty() && pinyin.isEmpty()) {
			return new SearchPage(0, List.of());
		}
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (String term : terms) {
			words.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term(TITLE, term)), TITLE_BOOST),
					new BoostQuery(new TermQuery(new Term(AUTHOR, term)), AUTHOR_BOOST),
					new TermQuery(new Term(BODY, term))), 0.1f), BooleanClause.Occur.SHOULD);
		}
		int minimum = Math.max(1, (int) Math.ceil(terms.size() * 0.6));
		words.setMinimumNumberShouldMatch(minimum);
		BooleanQuery.Builder matching = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.SHOULD);
		// the same words, all of them: with the phrases and pinyin, what counts as a good
		// match
		BooleanQuery.Builder good = new BooleanQuery.Builder();
		// single characters scattered over a text (静 … 夜 … 思) are no match for a word
		// no article has: when the query was cut into lone characters, only a phrase
		// counts as a good match
		boolean wholeWords = terms.size() == 1
				|| terms.stream().allMatch(term -> term.codePointCount(0, term.length()) > 1);
		if (wholeWords && terms.size() > minimum) {
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			for (String term : terms) {
				all.add(new BooleanQuery.Builder().add(new TermQuery(new Term(TITLE, term)), BooleanClause.Occur.SHOULD)
					.add(new TermQuery(new Term(AUTHOR, term)), BooleanClause.Occur.SHOULD)
					.add(new TermQuery(new Term(BODY, term)), BooleanClause.Occur.SHOULD)
					.build(), BooleanClause.Occur.MUST);
			}
			good.add(all.build(), BooleanClause.Occur.SHOULD);
		}
		else if (wholeWords) {
			good.add(words.build(), BooleanClause.Occur.SHOULD);
		}
		// the query's characters in this order in a title or the body: a title or a
		// copied phrase finds its article
		Query titlePhrase = phrase(TITLE_GRAMS, text, 0, true);
		Query bodyPhrase = phrase(BODY_GRAMS, text, BODY_PHRASE_SLOP, true);
		if (titlePhrase != null) {
			matching.add(new BoostQuery(titlePhrase, titlePhraseBoost), BooleanClause.Occur.SHOULD);
		}
		if (bodyPhrase != null) {
			matching.add(new BoostQuery(bodyPhrase, bodyPhraseBoost), BooleanClause.Occur.SHOULD);
		}
		// the query is a whole title or one of its parts (湘妃怨 of 双调・湘妃怨): that
		// article before bodies that merely hold the same characters
		String key = titleKey(text);
		if (titlePartBoost > 0 && key.codePointCount(0, key.length()) >= 2) {
			matching.add(
					new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(TITLE_PARTS, key))), titlePartBoost),
					BooleanClause.Occur.SHOULD);
		}
		// a good match holds the whole query as a phrase, Latin words at its ends
		// included
		for (Query whole : new Query[] { phrase(TITLE_GRAMS, text, 0, false),
				phrase(BODY_GRAMS, text, BODY_PHRASE_SLOP, false) }) {
			if (whole != null) {
				good.add(whole, BooleanClause.Occur.SHOULD);
			}
		}
		if (!pinyin.isEmpty()) {
			// a query in Latin letters may be pinyin: match titles and names by their
			// pinyin keys as well
			Query keys = pinyinQuery(pinyin);
			matching.add(new BoostQuery(keys, TITLE_BOOST), BooleanClause.Occur.SHOULD);
			good.add(keys, BooleanClause.Occur.SHOULD);
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching.build(), BooleanClause.Occur.MUST);
		BooleanQuery.Builder goodQuery = new BooleanQuery.Builder().add(good.build(), BooleanClause.Occur.MUST);
		for (BooleanQuery.Builder q : List.of(query, goodQuery)) {
			if (filters.channelId() != null) {
				q.add(new TermQuery(new Term(CHANNEL, Long.toString(filters.channelId()))), BooleanClause.Occur.FILTER);
			}
			if (filters.creatorId() != null) {
				q.add(new TermQuery(new Term(CREATOR, Long.toString(filters.creatorId()))), BooleanClause.Occur.FILTER);
			}
			if (filters.from() != null || filters.to() != null) {
				long from = filters.from() == null ? Long.MIN_VALUE : filters.from();
				long to = filters.to() == null ? Long.MAX_VALUE : filters.to() - 1;
				q.add(NumericDocValuesField.newSlowRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER);
			}
		}
		Query built = query.build();
		Sort sort = newestFirst ? new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true))
				: new Sort(SortField.FIELD_SCORE, new SortField(PUBLISHED, SortField.Type.LONG, true));
		IndexSearcher searcher = acquire();
		try {
			TopDocs top = searcher.search(built, offset + size, sort, true);
			Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
					new SimpleHTMLEncoder(), new QueryScorer(words.build()));
			Query pairs = pairs(text);
			Highlighter titlePairs = pairs == null ? null
					: new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
							new QueryScorer(pairs, TITLE_GRAMS));
			highlighter.setTextFragmenter(new SimpleFragmenter(90));
			List<SearchHit> hits = new ArrayList<>();
			for (int i = offset; i < top.scoreDocs.length; i++) {
				Document doc = searcher.storedFields().document(top.scoreDocs[i].doc);
				String title = doc.get(TITLE);
				String body = doc.get(BODY);
				hits.add(new SearchHit(Long.parseLong(doc.get(ID)), titleHtml(highlighter, titlePairs, title),
						body == null ? null : highlight(highlighter, BODY, body, 90)));
			}
			// a page of partial matches only (words of the query scattered, no phrase):
			// the page says so
			boolean partial = top.totalHits.value > 0 && searcher.count(goodQuery.build()) == 0;
			return new SearchPage(top.totalHits.value, hits, partial);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/**
	 * The query's character pairs (湘妃, 妃怨 of 湘妃怨) as terms of the title's pair field, or
	 * null when it has none: what the title's marks are made of, so that a title the
	 * segmenter cut otherwise than the query (湘 / 妃怨) is marked whole. Marking only,
	 * never ranking.
	 */
	private Query pairs(String text) {
		BooleanQuery.Builder pairs = new BooleanQuery.Builder();
		int count = 0;
		for (String term : analyze(text, bigrams)) {
			if (term.codePointCount(0, term.length()) > 1) {
				pairs.add(new TermQuery(new Term(TITLE_GRAMS, term)), BooleanClause.Occur.SHOULD);
				count++;
			}
		}
		return count == 0 ? null : pairs.build();
	}

	/**
	 * The title with the query's pairs marked where it holds any, else with its words
	 * marked.
	 */
	private String titleHtml(Highlighter words, Highlighter pairs, String title) {
		if (pairs != null) {
			try {
				String marked = pairs.getBestFragment(bigrams, TITLE_GRAMS, title);
				if (marked != null) {
					return marked;
				}
			}
			catch (IOException | InvalidTokenOffsetsException ex) {
				// the words' marks below
			}
		}
		return highlight(words, TITLE, title, 0);
	}

	/**
	 * The query's character pairs as a phrase in {@code field} (one pair as a term), or
	 * null when there are none. A lone character at either end of a run (光 of "光，疑是地上")
	 * is left out: in the text it belongs to the pair before it (月光), which the query
	 * cannot know; and with {@code partialWordsAtEnds}, so is a Latin word at either end
	 * of a query with at least two pairs besides, as a copied phrase may start or end
	 * inside a word.
	 */
	Query phrase(String field, String text, int slop, boolean partialWordsAtEnds) {
		record Token(String term, int position, boolean cjk) {
		}
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = bigrams.tokenStream(field, text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			var increment = stream.addAttribute(PositionIncrementAttribute.class);
			var type = stream.addAttribute(TypeAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken() && tokens.size() < 64) {
				position += increment.getPositionIncrement();
				String t = term.toString();
				boolean cjk = t.codePoints()
					.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
				if (cjk && t.codePointCount(0, t.length()) == 1) {
					continue; // a lone character: see above
				}
				tokens.add(new Token(t, position, cjk));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long pairs = tokens.stream().filter(Token::cjk).count();
		if (partialWordsAtEnds && pairs >= 2 && tokens.size() > 2) {
			if (!tokens.get(0).cjk()) {
				tokens.remove(0);
			}
			if (!tokens.get(tokens.size() - 1).cjk()) {
				tokens.remove(tokens.size() - 1);
			}
		}
		if (tokens.size() == 1 && tokens.get(0).cjk()) {
			return new TermQuery(new Term(field, tokens.get(0).term())); // two
																			// characters:
																			// 湘妃 in
																			// 双调・湘妃怨
		}
		if (tokens.size() < 2) {
			return null;
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
		int first = tokens.get(0).position();
		tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position() - first));
		return phrase.build();
	}

	/**
	 * One word ("jingyesi", "jys") matches as a key; several syllables must all be keys
	 * of the same document.
	 */
	private static Query pinyinQuery(List<String> parts) {
		if (parts.size() == 1) {
			return new TermQuery(new Term(PINYIN, parts.get(0)));
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		parts.forEach(part -> all.add(new TermQuery(new Term(PINYIN, part)), BooleanClause.Occur.MUST));
		return new BooleanQuery.Builder().add(all.build(), BooleanClause.Occur.SHOULD)
			.add(new TermQuery(new Term(PINYIN, String.join("", parts))), BooleanClause.Occur.SHOULD)
			.build();
	}

	private String highlight(Highlighter highlighter, String field, String text, int fallbackLength) {
		try {
			String best = highlighter.getBestFragment(analyzer, field, text);
			if (best != null) {
				return fallbackLength == 0 ? best : "…" + best + "…";
			}
		}
		catch (IOException | InvalidTokenOffsetsException ex) {
			// fall back to the plain start of the text
		}
		String plain = fallbackLength == 0 || text.length() <= fallbackLength ? text
				: text.substring(0, fallbackLength) + "…";
		return new SimpleHTMLEncoder().encodeText(plain);
	}

	private static List<String> analyze(String text, Analyzer analysis) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analysis.tokenStream(BODY, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken() && terms.size() < 32) {
				String t = term.toString();
				if (!terms.contains(t)) {
					terms.add(t);
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	private IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Document toDocument(ChangedArticle article) {
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
		doc.add(new Field(TITLE, article.title(), TEXT_WITH_VECTORS));
		doc.add(new StoredField(TITLE, article.title()));
		String body = MarkdownRenderer.toPlainText(article.bodyMarkdown());
		doc.add(new Field(BODY, body, TEXT_WITH_VECTORS));
		doc.add(new Field(TITLE_GRAMS, article.title(), GRAMS));
		titleKeys(article.title()).forEach(key -> doc.add(new StringField(TITLE_PARTS, key, Field.Store.NO)));
		doc.add(new Field(BODY_GRAMS, body, GRAMS));
		doc.add(new StoredField(BODY, body.length() > 20_000 ? body.substring(0, 20_000) : body));
		doc.add(new StringField(CREATOR, Long.toString(article.creatorId()), Field.Store.YES));
		if (article.creatorName() != null) {
			doc.add(new TextField(AUTHOR, article.creatorName(), Field.Store.NO));
		}
		Set<String> pinyin = Pinyin.keys(article.title());
		pinyin.addAll(Pinyin.keys(article.creatorName()));
		pinyin.forEach(key -> doc.add(new StringField(PINYIN, key, Field.Store.NO)));
		doc.add(new StringField(CHANNEL, Long.toString(article.channelId()), Field.Store.YES));
		doc.add(new NumericDocValuesField(PUBLISHED, article.publishedAt()));
		return doc;
	}

	/**
	 * A title or a query as a key: folded like the text ({@link FoldingCharFilter}: full
	 * width, traditional characters), lower-cased, separators at the ends dropped and
	 * runs of them inside made one space.
	 */
	static String titleKey(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			folded.append(FoldingCharFilter.fold(text.charAt(i)));
		}
		return TITLE_SEPARATORS.matcher(folded.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	/**
	 * The keys of a title: the whole title and every part of it between separators, and
	 * every run of consecutive parts, with at least two characters.
	 */
	static Set<String> titleKeys(String title) {
		Set<String> keys = new LinkedHashSet<>();
		String whole = titleKey(title);
		if (whole.codePointCount(0, whole.length()) < 2) {
			return keys;
		}
		keys.add(whole);
		// every run of consecutive parts: 仙吕 赏花时 of 月明和尚度柳翠・仙吕/赏花时 as well
		String[] parts = whole.split(" ");
		int n = Math.min(parts.length, 8);
		for (int from = 0; from < n; from++) {
			for (int to = from + 1; to <= n; to++) {
				String run = String.join(" ", Arrays.copyOfRange(parts, from, to));
				if (run.codePointCount(0, run.length()) >= 2) {
					keys.add(run);
				}
			}
		}
		return keys;
	}

	private static FieldType grams() {
		FieldType type = new FieldType();
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		type.setTokenized(true);
		type.freeze();
		return type;
	}

	private static FieldType textWithVectors() {
		FieldType type = new FieldType();
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		type.setTokenized(true);
		type.setStoreTermVectors(true);
		type.freeze();
		return type;
	}

	private boolean closed;

	/**
	 * Closes once, after the batch being written (apply and reset hold the same lock), in
	 * order: searchers, writer, directory. A batch that comes later is dropped; the index
	 * catches up from its stored position at the next start.
	 */
	@PreDestroy
	synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		searchers.close();
		writer.close();
		directory.close();
	}

}
