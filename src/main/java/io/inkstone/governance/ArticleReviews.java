package io.inkstone.governance;

import java.util.List;
import java.util.Set;

import io.inkstone.accounts.AccountNotice;
import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditLog;
import io.inkstone.creators.Creators;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 人审: reviewers decide articles the machine checks held; the creator is told the outcome and the reason. */
@Service
public class ArticleReviews {

	public static final List<String> REASON_CODES = List.of("sensitive", "plagiarism", "false-original", "unattributed", "spam",
			"undeclared-ai", "quality", "other");

	private static final Set<String> OUTCOMES = Set.of("approved", "rejected", "changes");

	private final Articles articles;

	private final Creators creators;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ArticleReviews(Articles articles, Creators creators, AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.articles = articles;
		this.creators = creators;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
	}

	public record Decided(long articleId, String title, String outcome, String reasonCode, String note, long at) {
	}

	public List<Article> pending() {
		return articles.pending(200).stream().flatMap(id -> articles.find(id).stream()).toList();
	}

	public List<Finding> findings(long articleId) {
		return jdbc.sql("SELECT id, article_id, kind, detail, matched_id, created_at FROM review_findings WHERE article_id = :id ORDER BY id")
			.param("id", articleId)
			.query(Finding.class)
			.list();
	}

	@Transactional
	public void decide(long articleId, String outcome, String reasonCode, String note, SignedIn reviewer) {
		Article article = articles.find(articleId)
			.filter(a -> a.articleStatus() == ArticleStatus.PENDING)
			.orElseThrow(() -> new NotFoundException("no pending article " + articleId));
		if (!OUTCOMES.contains(outcome)) {
			throw new BadRequestException("请选择审核结果 / choose an outcome");
		}
		String code = "approved".equals(outcome) && (reasonCode == null || reasonCode.isBlank()) ? "ok" : reasonCode;
		if (!"ok".equals(code) && !REASON_CODES.contains(code)) {
			throw new BadRequestException("请选择理由代码 / choose a reason code");
		}
		String clean = note == null ? "" : note.strip();
		if (!"approved".equals(outcome) && clean.isEmpty()) {
			throw new BadRequestException("不通过或要求修改时须写明理由 / explain the decision");
		}
		if (clean.length() > 2000) {
			throw new BadRequestException("理由过长 / too long");
		}
		if ("approved".equals(outcome)) {
			articles.approvePending(articleId);
		}
		else {
			articles.refusePending(articleId, "rejected".equals(outcome));
		}
		jdbc.sql("INSERT INTO review_decisions (id, article_id, creator_id, outcome, reason_code, note, reviewer_id, created_at)"
				+ " VALUES (:id, :a, :c, :o, :r, :n, :by, :at)")
			.param("id", Ids.next()).param("a", articleId).param("c", article.creatorId()).param("o", outcome).param("r", code)
			.param("n", clean.isEmpty() ? null : clean).param("by", reviewer.accountId()).param("at", System.currentTimeMillis())
			.update();
		audit.record("review." + outcome, "article", articleId, clean.isEmpty() ? null : clean, code);
		creators.accountOf(article.creatorId()).ifPresent(account -> events.publishEvent(new AccountNotice(account,
				"审核结果：《" + article.title() + "》 / Review outcome",
				switch (outcome) {
					case "approved" -> "你的文章已通过审核并发布。";
					case "rejected" -> "你的文章未通过审核（" + code + "）。理由：" + clean + "\n可在创作中心的“审核记录”查看。";
					default -> "审核员要求修改后再提交（" + code + "）。理由：" + clean + "\n文章已退回草稿。";
				})));
	}

	public List<Decided> decisionsFor(long creatorId) {
		return jdbc.sql("SELECT article_id, outcome, reason_code, note, created_at FROM review_decisions WHERE creator_id = :c"
				+ " ORDER BY created_at DESC LIMIT 100")
			.param("c", creatorId)
			.query((rs, n) -> new Decided(rs.getLong(1), articles.find(rs.getLong(1)).map(Article::title).orElse("?"),
					rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
			.list();
	}

}
