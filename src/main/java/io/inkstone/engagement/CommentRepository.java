package io.inkstone.engagement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

	record Row(long id, long articleId, Long parentId, long accountId, String authorName, String body, String status,
			long createdAt, long likes) {
	}

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> byArticle(long articleId) {
		return jdbc.sql("""
				SELECT c.id, c.article_id, c.parent_id, c.account_id, c.author_name, c.body, c.status, c.created_at,
				  (SELECT COUNT(*) FROM comment_likes l WHERE l.comment_id = c.id) AS likes
				FROM comments c WHERE c.article_id = :article ORDER BY c.created_at, c.id LIMIT 1000""")
			.param("article", articleId)
			.query(Row.class)
			.list();
	}

	Optional<Row> find(long id) {
		return jdbc
			.sql("SELECT id, article_id, parent_id, account_id, author_name, body, status, created_at, 0 AS likes"
					+ " FROM comments WHERE id = :id")
			.param("id", id)
			.query(Row.class)
			.optional();
	}

	Set<Long> likedBy(long accountId, long articleId) {
		return Set.copyOf(jdbc
			.sql("SELECT l.comment_id FROM comment_likes l JOIN comments c ON c.id = l.comment_id"
					+ " WHERE l.account_id = :account AND c.article_id = :article")
			.param("account", accountId)
			.param("article", articleId)
			.query(Long.class)
			.list());
	}

	long countVisible(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM comments WHERE article_id = :article AND status = 'visible'")
			.param("article", articleId)
			.query(Long.class)
			.single();
	}

	void insert(long id, long articleId, Long parentId, long accountId, String name, String body, long now) {
		jdbc.sql("INSERT INTO comments (id, article_id, parent_id, account_id, author_name, body, status, created_at)"
				+ " VALUES (:id, :article, :parent, :account, :name, :body, 'visible', :now)")
			.param("id", id)
			.param("article", articleId)
			.param("parent", parentId)
			.param("account", accountId)
			.param("name", name)
			.param("body", body)
			.param("now", now)
			.update();
	}

	void setStatus(long id, String status) {
		jdbc.sql("UPDATE comments SET status = :status WHERE id = :id")
			.param("status", status)
			.param("id", id)
			.update();
	}

	boolean like(long commentId, long accountId) {
		return jdbc.sql("INSERT INTO comment_likes (comment_id, account_id) VALUES (:c, :a) ON CONFLICT DO NOTHING")
			.param("c", commentId)
			.param("a", accountId)
			.update() == 1;
	}

	void unlike(long commentId, long accountId) {
		jdbc.sql("DELETE FROM comment_likes WHERE comment_id = :c AND account_id = :a")
			.param("c", commentId)
			.param("a", accountId)
			.update();
	}

	void anonymise(long accountId, String authorName) {
		jdbc.sql("UPDATE comments SET author_name = :name WHERE account_id = :a")
			.param("name", authorName)
			.param("a", accountId)
			.update();
		jdbc.sql("DELETE FROM comment_likes WHERE account_id = :a").param("a", accountId).update();
	}

	void deleteArticleLikes(String readerKey) {
		jdbc.sql("DELETE FROM article_likes WHERE reader_key = :r").param("r", readerKey).update();
	}

	boolean disabled(long articleId) {
		return jdbc.sql("SELECT disabled FROM comment_settings WHERE article_id = :article")
			.param("article", articleId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void setDisabled(long articleId, boolean disabled) {
		jdbc.sql("INSERT INTO comment_settings (article_id, disabled) VALUES (:article, :disabled)"
				+ " ON CONFLICT (article_id) DO UPDATE SET disabled = EXCLUDED.disabled")
			.param("article", articleId)
			.param("disabled", disabled)
			.update();
	}

	boolean likeArticle(long articleId, String readerKey, long now) {
		return jdbc.sql(
				"INSERT INTO article_likes (article_id, reader_key, created_at) VALUES (:a, :r, :now) ON CONFLICT DO NOTHING")
			.param("a", articleId)
			.param("r", readerKey)
			.param("now", now)
			.update() == 1;
	}

	void unlikeArticle(long articleId, String readerKey) {
		jdbc.sql("DELETE FROM article_likes WHERE article_id = :a AND reader_key = :r")
			.param("a", articleId)
			.param("r", readerKey)
			.update();
	}

	/** When the standing likes of these articles were given, since a time. */
	List<Long> likeTimes(Collection<Long> articleIds, long since) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT created_at FROM article_likes WHERE article_id IN (:ids) AND created_at >= :since")
			.param("ids", articleIds)
			.param("since", since)
			.query(Long.class)
			.list();
	}

	/** When the visible comments on these articles were written, since a time. */
	List<Long> commentTimes(Collection<Long> articleIds, long since) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT created_at FROM comments WHERE article_id IN (:ids) AND status = 'visible'"
					+ " AND created_at >= :since")
			.param("ids", articleIds)
			.param("since", since)
			.query(Long.class)
			.list();
	}

	long articleLikes(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM article_likes WHERE article_id = :a")
			.param("a", articleId)
			.query(Long.class)
			.single();
	}

	boolean likesArticle(long articleId, String readerKey) {
		return jdbc.sql("SELECT COUNT(*) FROM article_likes WHERE article_id = :a AND reader_key = :r")
			.param("a", articleId)
			.param("r", readerKey)
			.query(Long.class)
			.single() > 0;
	}

}
