package io.inkstone.similarity;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.inkstone.articles.ArticleFeed;
import io.inkstone.articles.ArticleFeedFollower;
import io.inkstone.articles.ChangedArticle;
import io.inkstone.articles.FeedCursors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The winnowed fingerprints of every public article, for passage-level copy detection:
 * kept in {@code article_passage_prints} by following the {@link ArticleFeed} with the
 * named cursor {@code passages} (published and edited articles get new fingerprints,
 * taken-down and deleted ones lose theirs), and loaded into an in-memory
 * {@link PassageIndex} on start. A database that predates the table starts the cursor at
 * the beginning of the feed, so the first start fills it in the background.
 */
@Component
class PassagePrints implements ArticleFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(PassagePrints.class);

	private static final String CURSOR = "passages";

	private final PassageIndex index = new PassageIndex();

	private final JdbcClient jdbc;

	private final FeedCursors cursors;

	private final TransactionTemplate tx;

	private final boolean importing;

	private volatile long cursor = -1;

	PassagePrints(JdbcClient jdbc, FeedCursors cursors, TransactionTemplate tx, Environment environment) {
		this.jdbc = jdbc;
		this.cursors = cursors;
		this.tx = tx;
		this.importing = environment.matchesProfiles("import");
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (importing) {
			return;
		}
		jdbc.sql("SELECT article_id, prints FROM article_passage_prints").query((rs, n) -> {
			index.add(rs.getLong(1), decode(rs.getString(2)));
			return null;
		}).list();
		cursor = cursors.position(CURSOR);
		log.info("Passage index: {} articles, {} fingerprints loaded", index.size(), index.postings());
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
	 * Fingerprints are computed first; each batch is written in one short transaction
	 * with the cursor (as the signatures are), then the in-memory index follows.
	 */
	@Override
	public void apply(List<ChangedArticle> batch, long position) {
		List<int[]> prints = new ArrayList<>(batch.size());
		for (ChangedArticle a : batch) {
			prints.add(a.isPublished() ? Winnowing.fingerprints(TextNormalizer.fold(a.bodyMarkdown())) : new int[0]);
		}
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < batch.size(); i++) {
				long id = batch.get(i).id();
				if (prints.get(i).length > 0) {
					jdbc.sql("INSERT INTO article_passage_prints (article_id, prints) VALUES (:id, :p)"
							+ " ON CONFLICT (article_id) DO UPDATE SET prints = EXCLUDED.prints")
						.param("id", id)
						.param("p", encode(prints.get(i)))
						.update();
				}
				else {
					jdbc.sql("DELETE FROM article_passage_prints WHERE article_id = :id").param("id", id).update();
				}
			}
			cursors.save(CURSOR, position);
		});
		for (int i = 0; i < batch.size(); i++) {
			index.add(batch.get(i).id(), prints.get(i));
		}
		cursor = Math.max(cursor, position);
	}

	/** Public articles sharing fingerprints with the folded text, most shared first. */
	List<PassageIndex.Candidate> candidates(String folded, int minShared, int limit) {
		return index.candidates(Winnowing.fingerprints(folded), minShared, limit);
	}

	boolean indexed(long articleId) {
		return index.contains(articleId);
	}

	static String encode(int[] prints) {
		ByteBuffer bytes = ByteBuffer.allocate(prints.length * 4);
		for (int p : prints) {
			bytes.putInt(p);
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	static int[] decode(String text) {
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text));
		int[] prints = new int[bytes.remaining() / 4];
		for (int i = 0; i < prints.length; i++) {
			prints[i] = bytes.getInt();
		}
		return prints;
	}

}
