package io.inkstone.articles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.inkstone.discovery.ArticleSearch;
import io.inkstone.discovery.SearchSuggestions;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.similarity.OriginalityEngine;
import io.inkstone.shared.Ids;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The articles change feed and the events around it, on a whole application: a change
 * that commits after a later one (its sequence was taken first) still reaches every
 * follower — search index, originality index, suggestions, the caches — and each change
 * reaches each listener once: {@link ArticleChanged} once on the node that made it,
 * {@link ArticleChangeCommitted} once after commit, for this node's changes and for
 * changes made elsewhere. Runs once per database (see the SQLite and PostgreSQL
 * subclasses).
 */
abstract class ArticleFeedContract {

	@Autowired
	ArticleImporter importer;

	@Autowired
	Articles articles;

	@Autowired
	ArticleSearch search;

	@Autowired
	SearchSuggestions suggestions;

	@Autowired
	OriginalityEngine originality;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Recording recording;

	/** Counts what each listener and follower got, per article. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recording implements ArticleFeedFollower {

		final Map<Long, AtomicInteger> changed = new ConcurrentHashMap<>();

		final Map<Long, AtomicInteger> committed = new ConcurrentHashMap<>();

		/** (id, sequence) of every entry the feed handed this follower. */
		final List<long[]> followed = new CopyOnWriteArrayList<>();

		private volatile long position = -1;

		@EventListener
		void on(ArticleChanged event) {
			changed.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
		}

		@EventListener
		void on(ArticleChangeCommitted event) {
			committed.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
		}

		int changed(long id) {
			return changed.getOrDefault(id, new AtomicInteger()).get();
		}

		int committed(long id) {
			return committed.getOrDefault(id, new AtomicInteger()).get();
		}

		boolean followed(long id, long seq) {
			return followed.stream().anyMatch(e -> e[0] == id && e[1] == seq);
		}

		@Override
		public String name() {
			return "test-recording";
		}

		@Override
		public long position() {
			return position < 0 ? 0 : position;
		}

		@Override
		public void apply(List<ChangedArticle> changes, long position) {
			changes.forEach(c -> followed.add(new long[] { c.id(), c.changeSeq() }));
			this.position = position;
		}

	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
	}

	long importOne(String key, String title, String body) throws Exception {
		String line = JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("id", key, "creator", "迟到的作者", "channel", "feed-tests", "title", title,
					"body_markdown", body, "published_at", "2026-11-26T10:00:00+08:00"));
		importer.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null);
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :key")
			.param("key", "id:" + key)
			.query(Long.class)
			.single();
	}

	long seqOf(long id) {
		return jdbc.sql("SELECT change_seq FROM articles WHERE id = :id").param("id", id).query(Long.class).single();
	}

	boolean found(String query, long id) {
		return search.search(query, null, false, 1).results().stream().anyMatch(r -> r.card().article().id() == id);
	}

	boolean suggested(String query, String title) {
		return suggestions.suggest(query, 10).stream().anyMatch(s -> s.text().equals(title));
	}

	@Test
	void aChangeThatCommitsAfterALaterOneStillReachesEveryFollower() throws Exception {
		String firstWord = unique("first");
		long a = importOne(unique("late-a-"), "早到的稿 " + firstWord, "床前明月光，疑是地上霜。举头望明月，低头思故乡。" + firstWord);
		await().atMost(Duration.ofSeconds(30)).until(() -> found(firstWord, a) && originality.signatureOf(a) != null);

		// a slow transaction takes its sequence now ...
		long early = Ids.next();
		// ... another one takes a later sequence and commits first; every follower moves
		// past it
		String laterWord = unique("later");
		long b = importOne(unique("late-b-"), "后到的稿 " + laterWord, "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。" + laterWord);
		assertThat(seqOf(b)).isGreaterThan(early);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> found(laterWord, b) && originality.signatureOf(b) != null && recording.followed(b, seqOf(b)));
		await().atMost(Duration.ofSeconds(60)).until(() -> suggested(laterWord, "后到的稿 " + laterWord));
		assertThat(articles.getPublished(a).title()).isEqualTo("早到的稿 " + firstWord); // cached
																						// now

		// ... and then the slow one commits, below where every follower stands (made by
		// "another process": no event)
		String lateWord = unique("late");
		String lateTitle = "迟到的提交 " + lateWord;
		String lateBody = "千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。" + lateWord;
		long[] before = originality.signatureOf(a);
		jdbc.sql("UPDATE articles SET title = :title, body_markdown = :body, change_seq = :seq WHERE id = :id")
			.param("title", lateTitle)
			.param("body", lateBody)
			.param("seq", early)
			.param("id", a)
			.update();

		await().atMost(Duration.ofSeconds(30)).until(() -> recording.followed(a, early));
		await().atMost(Duration.ofSeconds(30)).until(() -> found(lateWord, a));
		await().atMost(Duration.ofSeconds(30)).until(() -> !Arrays.equals(originality.signatureOf(a), before));
		await().atMost(Duration.ofSeconds(30)).until(() -> suggested(lateWord, lateTitle));
		// the caches of a change made elsewhere are dropped through the feed
		await().atMost(Duration.ofSeconds(30)).until(() -> articles.getPublished(a).title().equals(lateTitle));
		assertThat(
				jdbc.sql("SELECT seq FROM article_feed_cursors WHERE name = 'fingerprints'").query(Long.class).single())
			.isGreaterThanOrEqualTo(seqOf(b));
	}

	@Test
	void eachChangeReachesEachListenerOnce() throws Exception {
		String word = unique("once");
		long id = importOne(unique("once-"), "只来一次 " + word, "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。" + word);
		long seq = seqOf(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> recording.followed(id, seq));
		// past the late-commit window, the feed has had every chance to hand the change
		// round again
		await().during(Duration.ofSeconds(6))
			.atMost(Duration.ofSeconds(20))
			.until(() -> recording.changed(id) == 1 && recording.committed(id) == 1);
		assertThat(articles.getPublished(id).title()).isEqualTo("只来一次 " + word);

		articles.takeDown(id, "测试下架");
		await().during(Duration.ofSeconds(6))
			.atMost(Duration.ofSeconds(20))
			.until(() -> recording.changed(id) == 2 && recording.committed(id) == 2);

		// a change made by another node or process: no ArticleChanged here (its durable
		// reactions ran there), one
		// ArticleChangeCommitted from the feed, and the cache drops the article
		jdbc.sql(
				"UPDATE articles SET status = 'published', removal_reason = NULL, title = :title, change_seq = :seq WHERE id = :id")
			.param("title", "别处改过 " + word)
			.param("seq", Ids.next())
			.param("id", id)
			.update();
		await().atMost(Duration.ofSeconds(30)).until(() -> recording.committed(id) == 3);
		await().during(Duration.ofSeconds(6))
			.atMost(Duration.ofSeconds(20))
			.until(() -> recording.changed(id) == 2 && recording.committed(id) == 3);
		assertThat(articles.getPublished(id).title()).isEqualTo("别处改过 " + word);
	}

}
