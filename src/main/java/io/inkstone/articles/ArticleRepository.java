package io.inkstone.articles;

import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.Ids;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.RowCallbackHandler;

@Repository
class ArticleRepository {

	private static final String SUMMARY_COLUMNS = "id, title, summary, creator_id, channel_id, published_at, original, aigc,"
			+ " cover_image";

	private static final String SUMMARY = SUMMARY_COLUMNS + ", body_html";

	/**
	 * A listing row: the body is read only for its first images (picture cards), never
	 * kept.
	 */
	private static final RowMapper<ArticleSummary> SUMMARY_ROW = (rs, n) -> new ArticleSummary(rs.getLong("id"),
			rs.getString("title"), rs.getString("summary"), rs.getLong("creator_id"), rs.getLong("channel_id"),
			rs.getLong("published_at"), rs.getBoolean("original"), rs.getString("aigc"), rs.getString("cover_image"),
			ArticleSummary.imagesOf(rs.getString("body_html")));

	/** The same without the body (the tag scan reads many rows it throws away). */
	private static final RowMapper<ArticleSummary> SUMMARY_ROW_NO_BODY = (rs, n) -> new ArticleSummary(rs.getLong("id"),
			rs.getString("title"), rs.getString("summary"), rs.getLong("creator_id"), rs.getLong("channel_id"),
			rs.getLong("published_at"), rs.getBoolean("original"), rs.getString("aigc"), rs.getString("cover_image"));

	private static final String FULL = "id, title, summary, body_markdown, body_html, creator_id, channel_id, cover_image, tags,"
			+ " original, aigc, source, status, removal_reason, published_at, updated_at, " + ArticleRepository.MODIFIED
			+ " AS modified_at, moderation_label";

	/**
	 * When the content last changed: an imported article that was never edited here keeps
	 * its own date (the import time is not a modification), anything else its
	 * {@code updated_at}.
	 */
	static final String MODIFIED = "CASE WHEN import_key IS NOT NULL AND updated_at = created_at THEN published_at ELSE updated_at END";

	/** A whole article; the status column holds {@link ArticleStatus#dbValue()}. */
	private static final RowMapper<Article> ARTICLE_ROW = (rs, n) -> new Article(rs.getLong("id"),
			rs.getString("title"), rs.getString("summary"), rs.getString("body_markdown"), rs.getString("body_html"),
			rs.getLong("creator_id"), rs.getLong("channel_id"), rs.getString("cover_image"), rs.getString("tags"),
			rs.getBoolean("original"), rs.getString("aigc"), rs.getString("source"),
			ArticleStatus.fromDb(rs.getString("status")), rs.getString("removal_reason"), rs.getLong("published_at"),
			rs.getLong("updated_at"), rs.getLong("modified_at"), rs.getString("moderation_label"));

	/**
	 * A line of the studio's list; selected as id, title, status, published_at,
	 * updated_at, publish_at, removal_reason.
	 */
	private static final RowMapper<StudioRow> STUDIO_ROW = (rs, n) -> new StudioRow(rs.getLong("id"),
			rs.getString("title"), ArticleStatus.fromDb(rs.getString("status")), rs.getLong("published_at"),
			rs.getLong("updated_at"), rs.getObject("publish_at") == null ? null : rs.getLong("publish_at"),
			rs.getString("removal_reason"));

	private final JdbcClient jdbc;

	/**
	 * Change sequences this process wrote (kept ten minutes): the change feed tells this
	 * node's changes, which it announced itself after commit, from other nodes' and
	 * processes' changes. A rolled-back one simply expires.
	 */
	private final Cache<Long, Boolean> written = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Articles but deleted and removed ones, by id after {@code afterId}; one creator's
	 * when {@code creatorId} is set.
	 */
	List<Article> forExport(Long creatorId, long afterId, int limit) {
		return jdbc
			.sql("SELECT " + FULL + " FROM articles WHERE id > :after AND status NOT IN ('deleted', 'removed')"
					+ (creatorId == null ? "" : " AND creator_id = :creator") + " ORDER BY id LIMIT :limit")
			.param("after", afterId)
			.param("creator", creatorId == null ? 0L : creatorId)
			.param("limit", limit)
			.query(ARTICLE_ROW)
			.list();
	}

	Optional<Article> findById(long id) {
		return jdbc.sql("SELECT " + FULL + " FROM articles WHERE id = :id")
			.param("id", id)
			.query(ARTICLE_ROW)
			.optional();
	}

	List<ArticleSummary> findPublishedSummaries(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + SUMMARY + " FROM articles WHERE status = 'published' AND id IN (:ids)")
			.param("ids", ids)
			.query(SUMMARY_ROW)
			.list();
	}

	List<ArticleSummary> latest(Cursor after, int limit) {
		return keyset("", Map.of(), after, limit);
	}

	List<ArticleSummary> latestInChannel(long channelId, Cursor after, int limit) {
		return keyset(" AND channel_id = :channel", Map.of("channel", channelId), after, limit);
	}

	/**
	 * Newest first after the cursor: the (published_at, id) row-value comparison keeps
	 * deep pages on the index.
	 */
	private List<ArticleSummary> keyset(String filter, Map<String, Object> params, Cursor after, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM articles WHERE status = 'published'" + filter
					+ " AND (published_at, id) < (:t, :id) ORDER BY published_at DESC, id DESC LIMIT :limit")
			.params(params)
			.param("t", after.publishedAt())
			.param("id", after.id())
			.param("limit", limit)
			.query(SUMMARY_ROW)
			.list();
	}

	/**
	 * Candidates for a tag page: rows whose tag text contains the tag (a coarse LIKE on
	 * the index order), newest first after the cursor. The caller keeps the exact
	 * matches.
	 */
	List<TaggedRow> taggedCandidates(String tag, Cursor after, int limit) {
		String pattern = "%" + tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc
			.sql("SELECT " + SUMMARY_COLUMNS
					+ ", tags FROM articles WHERE status = 'published' AND tags LIKE :p ESCAPE '\\'"
					+ " AND (published_at, id) < (:t, :id) ORDER BY published_at DESC, id DESC LIMIT :limit")
			.param("p", pattern)
			.param("t", after.publishedAt())
			.param("id", after.id())
			.param("limit", limit)
			.query((rs, n) -> new TaggedRow(SUMMARY_ROW_NO_BODY.mapRow(rs, n), rs.getString("tags")))
			.list();
	}

	record TaggedRow(ArticleSummary toSummary, String tags) {

		long id() {
			return toSummary.id();
		}

		long publishedAt() {
			return toSummary.publishedAt();
		}

	}

	/**
	 * Publication and modification times of every public article (the sitemap index
	 * groups them by month).
	 */
	List<long[]> publishedTimes() {
		return jdbc.sql("SELECT published_at, " + MODIFIED + " AS modified_at FROM articles WHERE status = 'published'")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Public articles published in [from, to), oldest first, for a sitemap. */
	List<SitemapEntry> sitemapEntries(long from, long to, int offset, int limit) {
		return jdbc.sql("SELECT id, published_at, " + MODIFIED
				+ " AS modified_at FROM articles WHERE status = 'published'"
				+ " AND published_at >= :from AND published_at < :to ORDER BY published_at, id LIMIT :limit OFFSET :offset")
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.param("offset", offset)
			.query(SitemapEntry.class)
			.list();
	}

	/** The newest publication time per creator (or channel) that has public articles. */
	Map<Long, Long> newestPublishedBy(String column) {
		if (!column.equals("creator_id") && !column.equals("channel_id")) {
			throw new IllegalArgumentException(column);
		}
		Map<Long, Long> newest = new LinkedHashMap<>();
		jdbc.sql("SELECT " + column + " AS owner, MAX(published_at) AS newest FROM articles WHERE status = 'published'"
				+ " GROUP BY " + column + " ORDER BY " + column)
			.query((RowCallbackHandler) rs -> newest.put(rs.getLong("owner"), rs.getLong("newest")));
		return newest;
	}

	/**
	 * Public articles published at or after {@code since}, newest first (the news
	 * sitemap).
	 */
	List<ArticleSummary> publishedSince(long since, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM articles WHERE status = 'published' AND published_at >= :since"
					+ " ORDER BY published_at DESC, id DESC LIMIT :limit")
			.param("since", since)
			.param("limit", limit)
			.query(SUMMARY_ROW_NO_BODY)
			.list();
	}

	List<ArticleSummary> latestOriginalInChannel(long channelId, int limit) {
		return jdbc
			.sql("SELECT " + SUMMARY + " FROM articles WHERE channel_id = :channel AND status = 'published'"
					+ " AND original = TRUE ORDER BY published_at DESC, id DESC LIMIT :limit")
			.param("channel", channelId)
			.param("limit", limit)
			.query(SUMMARY_ROW)
			.list();
	}

	List<ArticleSummary> latestByCreator(long creatorId, Cursor after, int limit) {
		return keyset(" AND creator_id = :creator", Map.of("creator", creatorId), after, limit);
	}

	/**
	 * The creator's public articles by heat (flushed reads plus shares, the engagement
	 * module's counters), most first, keyset pages on (heat, id): the cursor's first
	 * number is the heat of the last row shown.
	 */
	List<HeatRow> hottestByCreator(long creatorId, Cursor after, int limit) {
		return jdbc.sql("SELECT * FROM (SELECT " + SUMMARY
				+ ", COALESCE((SELECT s.reads + s.shares FROM article_stats s"
				+ " WHERE s.article_id = articles.id), 0) AS heat FROM articles WHERE status = 'published'"
				+ " AND creator_id = :creator) x WHERE (heat, id) < (:h, :id) ORDER BY heat DESC, id DESC LIMIT :limit")
			.param("creator", creatorId)
			.param("h", after.publishedAt())
			.param("id", after.id())
			.param("limit", limit)
			.query((rs, n) -> new HeatRow(SUMMARY_ROW.mapRow(rs, n), rs.getLong("heat")))
			.list();
	}

	record HeatRow(ArticleSummary summary, long heat) {
	}

	List<ArticleSummary> latestByCreators(Collection<Long> creatorIds, Cursor after, int limit) {
		if (creatorIds.isEmpty()) {
			return List.of();
		}
		return keyset(" AND creator_id IN (:creators)", Map.of("creators", creatorIds), after, limit);
	}

	long countPublishedByCreator(long creatorId) {
		return jdbc.sql("SELECT COUNT(*) FROM articles WHERE creator_id = :creator AND status = 'published'")
			.param("creator", creatorId)
			.query(Long.class)
			.single();
	}

	long countPublished() {
		return jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'published'").query(Long.class).single();
	}

	/** One index probe per channel: far cheaper than DISTINCT over every article. */
	boolean hasPublishedInChannel(long channelId) {
		return !jdbc.sql("SELECT id FROM articles WHERE channel_id = :channel AND status = 'published' LIMIT 1")
			.param("channel", channelId)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	/** Inserts unless the import key is known; returns false for a duplicate. */
	boolean insert(long id, NewArticle a, String bodyHtml, String summary, long now) {
		return jdbc
			.sql("""
					INSERT INTO articles (id, import_key, creator_id, channel_id, title, body_markdown, body_html, summary,
					  cover_image, tags, original, aigc, source, status, removal_reason, published_at, updated_at, created_at, change_seq)
					VALUES (:id, :key, :creator, :channel, :title, :markdown, :html, :summary,
					  :cover, :tags, :original, :aigc, :source, 'published', NULL, :published, :now, :now, :seq)
					ON CONFLICT (import_key) DO NOTHING""")
			.param("id", id)
			.param("key", a.importKey())
			.param("creator", a.creatorId())
			.param("channel", a.channelId())
			.param("title", a.title())
			.param("markdown", a.bodyMarkdown())
			.param("html", bodyHtml)
			.param("summary", summary)
			.param("cover", coverOf(null, bodyHtml))
			.param("tags", a.tags())
			.param("original", a.original())
			.param("aigc", a.aigc().dbValue())
			.param("source", a.source())
			.param("published", a.publishedAt())
			.param("now", now)
			.param("seq", written(id))
			.update() == 1;
	}

	boolean insertImported(long id, ImportedArticle a, String bodyHtml, String summary) {
		return jdbc
			.sql("""
					INSERT INTO articles (id, import_key, creator_id, channel_id, title, body_markdown, body_html, summary,
					  cover_image, tags, original, aigc, source, status, removal_reason, published_at, updated_at, created_at, change_seq,
					  publish_at)
					VALUES (:id, :key, :creator, :channel, :title, :markdown, :html, :summary,
					  :cover, :tags, :original, :aigc, :source, :status, NULL, :published, :modified, :modified, :seq, :publishAt)
					ON CONFLICT (import_key) DO NOTHING""")
			.param("id", id)
			.param("key", a.importKey())
			.param("creator", a.creatorId())
			.param("channel", a.channelId())
			.param("title", a.title())
			.param("markdown", a.bodyMarkdown())
			.param("html", bodyHtml)
			.param("summary", summary)
			.param("cover", coverOf(a.coverImage(), bodyHtml))
			.param("tags", a.tags())
			.param("original", a.original())
			.param("aigc", a.aigc().dbValue())
			.param("source", a.source())
			.param("status", a.published() ? ArticleStatus.PUBLISHED.dbValue() : ArticleStatus.DRAFT.dbValue())
			.param("published", a.publishedAt())
			.param("modified", a.modifiedAt())
			.param("seq", written(id))
			.param("publishAt", a.publishAt(), Types.BIGINT)
			.update() == 1;
	}

	Optional<Long> idOfImport(String importKey) {
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :key")
			.param("key", importKey)
			.query(Long.class)
			.optional();
	}

	List<StudioRow> byCreator(long creatorId) {
		return jdbc.sql("SELECT id, title, status, published_at, updated_at, publish_at, removal_reason FROM articles"
				+ " WHERE creator_id = :creator AND status NOT IN ('removed', 'deleted') ORDER BY updated_at DESC LIMIT 200")
			.param("creator", creatorId)
			.query(STUDIO_ROW)
			.list();
	}

	/**
	 * Everything the studio lists: all but deleted articles, and those deleted after
	 * {@code deletedSince}.
	 */
	List<StudioRow> studioList(long creatorId, long deletedSince) {
		return jdbc.sql("SELECT id, title, status, published_at, updated_at, publish_at, removal_reason FROM articles"
				+ " WHERE creator_id = :creator AND (status <> 'deleted' OR updated_at >= :since) ORDER BY updated_at DESC LIMIT 500")
			.param("creator", creatorId)
			.param("since", deletedSince)
			.query(STUDIO_ROW)
			.list();
	}

	/**
	 * Inserts a draft; false when the creator already has an article made with
	 * {@code submissionKey} (null: never).
	 */
	boolean insertDraft(long id, long creatorId, Draft d, String html, String summary, long now, String submissionKey) {
		return jdbc
			.sql("INSERT INTO articles (id, import_key, creator_id, channel_id, title, body_markdown, body_html, summary,"
					+ " cover_image, tags, original, aigc, source, status, removal_reason, published_at, updated_at, created_at, change_seq,"
					+ " submission_key)"
					+ " VALUES (:id, NULL, :creator, :channel, :title, :markdown, :html, :summary, :cover, :tags, :original, :aigc,"
					+ " :source, 'draft', NULL, :now, :now, :now, :seq, :key)"
					+ " ON CONFLICT (creator_id, submission_key) DO NOTHING")
			.params(contentParams(id, d, html, summary, now))
			.param("creator", creatorId)
			.param("key", submissionKey, Types.VARCHAR)
			.update() == 1;
	}

	Optional<Long> idOfSubmission(long creatorId, String submissionKey) {
		return jdbc.sql("SELECT id FROM articles WHERE creator_id = :creator AND submission_key = :key")
			.param("creator", creatorId)
			.param("key", submissionKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * Sets or clears ({@code null}) the platform's label on an article, as a change (a
	 * new change_seq) so caches, feeds and other nodes follow.
	 */
	boolean label(long id, String label, long now) {
		return jdbc
			.sql("UPDATE articles SET moderation_label = :label, updated_at = :now, change_seq = :seq WHERE id = :id")
			.param("label", label)
			.param("now", now)
			.param("seq", written(Ids.next()))
			.param("id", id)
			.update() == 1;
	}

	void updateContent(long id, Draft d, String html, String summary, long now) {
		jdbc.sql(
				"UPDATE articles SET channel_id = :channel, title = :title, body_markdown = :markdown, body_html = :html,"
						+ " summary = :summary, cover_image = :cover, tags = :tags, original = :original, aigc = :aigc, source = :source,"
						+ " updated_at = :now, change_seq = :seq WHERE id = :id")
			.params(contentParams(id, d, html, summary, now))
			.update();
	}

	/**
	 * The editor-owned columns, shared by draft creation and edits (a new change_seq each
	 * time).
	 */
	private Map<String, Object> contentParams(long id, Draft d, String html, String summary, long now) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("channel", d.channelId());
		params.put("title", d.title());
		params.put("markdown", d.bodyMarkdown());
		params.put("html", html);
		params.put("summary", d.summary() != null ? d.summary() : summary);
		params.put("cover", coverOf(d.coverImage(), html));
		params.put("tags", d.tags());
		params.put("original", d.original());
		params.put("aigc", d.aigc().dbValue());
		params.put("source", d.source());
		params.put("now", now);
		params.put("seq", written(Ids.next()));
		return params;
	}

	void insertRevision(long articleId, String title, String markdown, String note, long at) {
		jdbc.sql("INSERT INTO article_revisions (id, article_id, title, body_markdown, note, created_at)"
				+ " VALUES (:id, :article, :title, :markdown, :note, :at)")
			.param("id", Ids.next())
			.param("article", articleId)
			.param("title", title)
			.param("markdown", markdown)
			.param("note", note)
			.param("at", at)
			.update();
	}

	/** Oldest first. */
	List<Revision> revisions(long articleId) {
		return jdbc
			.sql("SELECT id, article_id, title, body_markdown, note, created_at FROM article_revisions"
					+ " WHERE article_id = :article ORDER BY created_at, id")
			.param("article", articleId)
			.query(Revision.class)
			.list();
	}

	List<Correction> corrections(long articleId) {
		return jdbc
			.sql("SELECT note, created_at FROM article_revisions WHERE article_id = :article AND note IS NOT NULL"
					+ " ORDER BY created_at, id")
			.param("article", articleId)
			.query(Correction.class)
			.list();
	}

	/**
	 * Makes a lifecycle move as one UPDATE guarded by the status it was planned from
	 * (and, for the scheduler, by the draft still being due): false when the article
	 * changed meanwhile, so two concurrent moves cannot both win.
	 */
	boolean move(ArticleLifecycle.Transition t, long now) {
		ArticleLifecycle.Action action = t.action();
		StringBuilder sql = new StringBuilder("UPDATE articles SET status = :to, updated_at = :now");
		if (action.changesFeed) {
			sql.append(", change_seq = :seq");
		}
		// an article published before keeps its first publication time (datePublished,
		// pubDate): the time is remembered when it leaves the public, and used again
		// when it comes back
		if (t.from() == ArticleStatus.PUBLISHED) {
			sql.append(", first_published_at = COALESCE(first_published_at, published_at)");
		}
		switch (action.publishedAt) {
			case NOW -> sql.append(
					", published_at = COALESCE(first_published_at, :now), first_published_at = COALESCE(first_published_at, :now)");
			case SCHEDULED -> sql.append(", published_at = COALESCE(first_published_at, publish_at),"
					+ " first_published_at = COALESCE(first_published_at, publish_at)");
			case KEEP -> {
			}
		}
		if (action == ArticleLifecycle.Action.SCHEDULE) {
			sql.append(", publish_at = :at");
		}
		else if (action.clearsSchedule) {
			sql.append(", publish_at = NULL");
		}
		if (action == ArticleLifecycle.Action.TAKE_DOWN) {
			sql.append(", removal_reason = :reason");
		}
		switch (action.staffMark) {
			case SET -> sql.append(", review_required = TRUE");
			case CLEAR -> sql.append(", review_required = FALSE");
			case KEEP -> {
			}
		}
		sql.append(" WHERE id = :id AND status = :from");
		if (t.to() == ArticleStatus.PUBLISHED
				&& (action == ArticleLifecycle.Action.PUBLISH || action == ArticleLifecycle.Action.PUBLISH_DUE)) {
			// staff marked the article meanwhile: only a reviewer may make it public
			sql.append(" AND review_required = FALSE");
		}
		if (t.dueBy() != null) {
			sql.append(" AND publish_at IS NOT NULL AND publish_at <= :due");
		}
		JdbcClient.StatementSpec update = jdbc.sql(sql.toString())
			.param("to", t.to().dbValue())
			.param("now", now)
			.param("id", t.article().id())
			.param("from", t.from().dbValue());
		if (action.changesFeed) {
			update = update.param("seq", written(Ids.next()));
		}
		if (action == ArticleLifecycle.Action.SCHEDULE) {
			update = update.param("at", t.at(), Types.BIGINT);
		}
		if (action == ArticleLifecycle.Action.TAKE_DOWN) {
			update = update.param("reason", t.reason());
		}
		if (t.dueBy() != null) {
			update = update.param("due", t.dueBy());
		}
		return update.update() == 1;
	}

	/**
	 * Whether staff held, rejected or sent back the article and no reviewer approved it
	 * since.
	 */
	boolean reviewRequired(long id) {
		return jdbc.sql("SELECT review_required FROM articles WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	List<Long> pendingIds(int limit) {
		return jdbc.sql("SELECT id FROM articles WHERE status = 'pending' ORDER BY updated_at LIMIT :limit")
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	List<Long> dueForPublication(long now) {
		return jdbc
			.sql("SELECT id FROM articles WHERE status = 'draft' AND publish_at IS NOT NULL AND publish_at <= :now"
					+ " ORDER BY publish_at LIMIT 100")
			.param("now", now)
			.query(Long.class)
			.list();
	}

	Long publishAt(long id) {
		return jdbc.sql("SELECT publish_at FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	List<StudioRow> deleted(int limit) {
		return jdbc
			.sql("SELECT id, title, status, published_at, updated_at, publish_at, removal_reason FROM articles"
					+ " WHERE status = 'deleted'" + " ORDER BY updated_at DESC LIMIT :limit")
			.param("limit", limit)
			.query(STUDIO_ROW)
			.list();
	}

	List<Articles.TitleRow> publishedTitles(long afterId, int limit) {
		return jdbc
			.sql("SELECT id, title FROM articles WHERE status = 'published' AND id > :after ORDER BY id LIMIT :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(Articles.TitleRow.class)
			.list();
	}

	List<ChangedArticle> changedSince(long seq, int limit) {
		return jdbc.sql(
				"SELECT a.id, a.title, a.body_markdown, a.creator_id, a.channel_id, a.status, a.published_at, a.change_seq,"
						+ " c.display_name AS creator_name FROM articles a LEFT JOIN creators c ON c.id = a.creator_id"
						+ " WHERE a.change_seq > :seq ORDER BY a.change_seq LIMIT :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query(ChangedArticle.class)
			.list();
	}

	List<ChangeKey> changeKeysSince(long seq, int limit) {
		return jdbc.sql("SELECT id, change_seq FROM articles WHERE change_seq > :seq ORDER BY change_seq LIMIT :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query(ChangeKey.class)
			.list();
	}

	List<ChangedArticle> changedByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// the creator's name rides along for the search index (searching 李白 finds his
		// poems)
		return jdbc.sql(
				"SELECT a.id, a.title, a.body_markdown, a.creator_id, a.channel_id, a.status, a.published_at, a.change_seq,"
						+ " c.display_name AS creator_name FROM articles a LEFT JOIN creators c ON c.id = a.creator_id"
						+ " WHERE a.id IN (:ids) ORDER BY a.change_seq")
			.param("ids", ids)
			.query(ChangedArticle.class)
			.list();
	}

	/** Records a change sequence this process writes; returns it. */
	/** Id and creator of every article (any status) in a channel. */
	List<long[]> inChannel(long channelId) {
		return jdbc.sql("SELECT id, creator_id FROM articles WHERE channel_id = :channel ORDER BY id")
			.param("channel", channelId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Moves one article to another channel, as a change readers and the feed see. */
	void moveChannel(long id, long channelId, long now) {
		jdbc.sql("UPDATE articles SET channel_id = :channel, updated_at = :now, change_seq = :seq WHERE id = :id")
			.param("channel", channelId)
			.param("now", now)
			.param("seq", written(Ids.next()))
			.param("id", id)
			.update();
	}

	private long written(long seq) {
		written.put(seq, Boolean.TRUE);
		return seq;
	}

	/**
	 * Whether this process wrote the change with this sequence (within the last ten
	 * minutes).
	 */
	boolean wroteHere(long seq) {
		return written.getIfPresent(seq) != null;
	}

	/**
	 * When an article that is not public now last changed (an unpublish, takedown,
	 * delete, or a draft's edit), optionally within one channel or creator: 0 when none.
	 * A feed's content changes when an article leaves it, so its Last-Modified must not
	 * be earlier than this.
	 */
	long lastNonPublicChange(Long channelId, Long creatorId) {
		StringBuilder sql = new StringBuilder("SELECT COALESCE(MAX(updated_at), 0) FROM articles"
				+ " WHERE status IN ('draft', 'pending', 'rejected', 'removed', 'deleted')");
		Map<String, Object> params = new HashMap<>();
		if (channelId != null) {
			sql.append(" AND channel_id = :channel");
			params.put("channel", channelId);
		}
		if (creatorId != null) {
			sql.append(" AND creator_id = :creator");
			params.put("creator", creatorId);
		}
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/** The newest change sequence, 0 without articles. */
	long lastChangeSeq() {
		return jdbc.sql("SELECT COALESCE(MAX(change_seq), 0) FROM articles").query(Long.class).single();
	}

	long countChangedSince(long seq) {
		return jdbc.sql("SELECT COUNT(*) FROM articles WHERE change_seq > :seq")
			.param("seq", seq)
			.query(Long.class)
			.single();
	}

	/**
	 * The cover stored: the one given when it is the site's own media, else the body's
	 * first own image; a hot-linked image elsewhere (an import's image that could not be
	 * fetched) is never a cover.
	 */
	static String coverOf(String given, String bodyHtml) {
		if (ArticlePictures.ownMediaAddress(given)) {
			return given.strip();
		}
		return MarkdownRenderer.imageSources(bodyHtml)
			.stream()
			.filter(ArticlePictures::ownMediaAddress)
			.findFirst()
			.orElse(null);
	}

}
