package io.inkstone.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleFeed;
import io.inkstone.articles.ArticleFeedFollower;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangedArticle;
import io.inkstone.articles.FeedCursors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Knows a SimHash signature for every public article on the instance and finds
 * near-duplicates of a text among them. Fingerprints are kept in
 * {@code article_fingerprints}, following the {@link ArticleFeed} (late commits included)
 * with the named cursor {@code fingerprints}, and loaded into an in-memory
 * {@link SignatureIndex} on start.
 */
@Component
public class OriginalityEngine implements ArticleFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(OriginalityEngine.class);

	/** Signatures within this total Hamming distance (of 256 bits) are candidates ... */
	static final int MAX_DISTANCE = 63;

	/**
	 * ... and a candidate is a near-duplicate when the texts' bigram sets overlap at
	 * least this much.
	 */
	static final double MIN_JACCARD = 0.55;

	/** Texts shorter than this (folded) are too short to call copies. */
	static final int MIN_LENGTH = 16;

	private final SignatureIndex index = new SignatureIndex();

	private final JdbcClient jdbc;

	private final Articles articles;

	/** The fingerprints' named cursor in the change feed. */
	private static final String CURSOR = "fingerprints";

	private final FeedCursors cursors;

	/** Where the fingerprints stand in the change feed; -1 until loaded. */
	private volatile long cursor = -1;

	/**
	 * The import command only writes articles; the server that starts next catches up
	 * with the feed.
	 */
	private final boolean importing;

	private final TransactionTemplate tx;

	private final PassagePrints passages;

	private final OriginalityProperties properties;

	OriginalityEngine(JdbcClient jdbc, Articles articles, FeedCursors cursors, Environment environment,
			TransactionTemplate tx, PassagePrints passages, OriginalityProperties properties) {
		this.jdbc = jdbc;
		this.passages = passages;
		this.properties = properties;
		this.cursors = cursors;
		this.tx = tx;
		this.articles = articles;
		this.importing = environment.matchesProfiles("import");
	}

	/**
	 * A near-duplicate of {@code text}: the article, its creator, and how similar (bigram
	 * Jaccard).
	 */
	public record Match(long articleId, long creatorId, long publishedAt, double similarity) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (importing) {
			return;
		}
		jdbc.sql("SELECT article_id, simhash, simhash1, simhash2, simhash3 FROM article_fingerprints")
			.query((rs, n) -> {
				index.add(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
				return null;
			})
			.list();
		cursor = cursors.position(CURSOR);
		log.info("Originality index: {} fingerprints loaded", index.size());
	}

	@Override
	public String name() {
		return CURSOR;
	}

	@Override
	public long position() {
		return cursor;
	}

	/**
	 * Follows the change feed: public articles get (new) fingerprints, others lose
	 * theirs. Signatures are computed first and each batch is written in one short
	 * transaction with the cursor: after an import of thousands of articles, one commit
	 * per row kept SQLite's write lock so busy that readers' writes waited past the busy
	 * timeout.
	 */
	@Override
	public void apply(List<ChangedArticle> batch, long position) {
		List<long[]> signatures = new ArrayList<>(batch.size());
		for (ChangedArticle a : batch) {
			signatures.add(a.isPublished() ? SimHash.signature(TextNormalizer.fold(a.bodyMarkdown())) : null);
		}
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < batch.size(); i++) {
				ChangedArticle a = batch.get(i);
				long[] signature = signatures.get(i);
				if (signature != null) {
					jdbc.sql(
							"INSERT INTO article_fingerprints (article_id, creator_id, simhash, simhash1, simhash2, simhash3, published_at)"
									+ " VALUES (:id, :c, :h0, :h1, :h2, :h3, :p) ON CONFLICT (article_id) DO UPDATE SET simhash = EXCLUDED.simhash,"
									+ " simhash1 = EXCLUDED.simhash1, simhash2 = EXCLUDED.simhash2, simhash3 = EXCLUDED.simhash3,"
									+ " published_at = EXCLUDED.published_at")
						.param("id", a.id())
						.param("c", a.creatorId())
						.param("h0", signature[0])
						.param("h1", signature[1])
						.param("h2", signature[2])
						.param("h3", signature[3])
						.param("p", a.publishedAt())
						.update();
				}
				else {
					jdbc.sql("DELETE FROM article_fingerprints WHERE article_id = :id").param("id", a.id()).update();
				}
			}
			cursors.save(CURSOR, position);
		});
		// the in-memory index follows what was committed
		for (int i = 0; i < batch.size(); i++) {
			if (signatures.get(i) != null) {
				index.add(batch.get(i).id(), signatures.get(i));
			}
			else {
				index.remove(batch.get(i).id());
			}
		}
		cursor = Math.max(cursor, position);
	}

	/**
	 * Public articles (other than {@code exceptId}) whose text is a near-duplicate of
	 * {@code markdown}, most similar first.
	 */
	public List<Match> nearDuplicates(String markdown, long exceptId) {
		String folded = TextNormalizer.fold(markdown);
		if (folded.codePointCount(0, folded.length()) < MIN_LENGTH) {
			return List.of();
		}
		List<Match> matches = new ArrayList<>();
		for (long[] candidate : index.near(SimHash.signature(folded), MAX_DISTANCE)) {
			if (candidate[0] == exceptId) {
				continue;
			}
			Optional<Article> other = articles.find(candidate[0]);
			if (other.isEmpty()) {
				continue;
			}
			double similarity = SimHash.bigramJaccard(folded, TextNormalizer.fold(other.get().bodyMarkdown()));
			if (similarity >= MIN_JACCARD) {
				matches
					.add(new Match(other.get().id(), other.get().creatorId(), other.get().publishedAt(), similarity));
			}
		}
		matches.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		return matches;
	}

	/**
	 * Passages of {@code text} copied from a public article: the article, its creator,
	 * the share of the text (folded characters) copied from it and how many characters
	 * that is.
	 */
	public record PartialCopy(long articleId, long creatorId, long publishedAt, double share, int copied) {
	}

	/**
	 * A candidate must share this many fingerprints: a copied passage of
	 * {@link OriginalityProperties#minPassage()} characters shares several.
	 */
	static final int MIN_SHARED_PRINTS = 2;

	/** Candidates compared with the text (each is read from the database). */
	static final int MAX_CANDIDATES = 10;

	/**
	 * Public articles (other than {@code exceptId}) from which {@code markdown} copied
	 * enough to be a partial copy ({@link OriginalityProperties}), the largest share
	 * first: the passage index proposes articles sharing fingerprints, and an exact
	 * comparison of the texts measures the passages.
	 */
	public List<PartialCopy> partialCopies(String markdown, long exceptId) {
		String folded = TextNormalizer.fold(markdown);
		if (folded.codePointCount(0, folded.length()) < properties.minPassage()) {
			return List.of();
		}
		List<PartialCopy> copies = new ArrayList<>();
		for (PassageIndex.Candidate candidate : passages.candidates(folded, MIN_SHARED_PRINTS, MAX_CANDIDATES + 1)) {
			if (candidate.id() == exceptId) {
				continue;
			}
			Optional<Article> other = articles.find(candidate.id());
			if (other.isEmpty()) {
				continue;
			}
			Passages.Comparison comparison = Passages.compare(folded, TextNormalizer.fold(other.get().bodyMarkdown()));
			if (properties.partialCopy(comparison.copied(), comparison.share())) {
				copies.add(new PartialCopy(other.get().id(), other.get().creatorId(), other.get().publishedAt(),
						comparison.share(), comparison.copied()));
			}
		}
		copies.sort((a, b) -> Double.compare(b.share(), a.share()));
		return copies;
	}

	/**
	 * Whether the article is in the passage index (public, and the index has caught up
	 * with it).
	 */
	public boolean passagesIndexed(long articleId) {
		return passages.indexed(articleId);
	}

	/**
	 * Whether two public articles are near-duplicates by their signatures alone (no text
	 * comparison: cheap enough for every related-articles list). Unknown articles are not
	 * duplicates.
	 */
	public boolean nearDuplicates(long a, long b) {
		long[] x = index.get(a);
		long[] y = index.get(b);
		return x != null && y != null && SimHash.distance(x, y) <= NEAR_DUPLICATE_BITS;
	}

	/**
	 * Stricter than the candidate radius: without the text check, only clearly
	 * near-identical texts.
	 */
	public static final int NEAR_DUPLICATE_BITS = 40;

	/**
	 * The article's 256-bit signature, or null when it has none (not public, or not
	 * indexed yet).
	 */
	public long[] signatureOf(long articleId) {
		return index.get(articleId);
	}

	int size() {
		return index.size();
	}

}
