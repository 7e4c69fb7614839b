package io.inkstone.governance;

import java.util.List;
import java.util.Set;

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
import io.inkstone.shared.ForbiddenException;

/**
 * 人审: reviewers decide articles the machine checks held; the creator is told the outcome
 * and the reason.
 */
@Service
public class ArticleReviews {

	public static final List<String> REASON_CODES = List.of("sensitive", "plagiarism", "false-original", "unattributed",
			"spam", "undeclared-ai", "quality", "other");

	private static final Set<String> OUTCOMES = Set.of("approved", "rejected", "changes");

	private final Articles articles;

	private final Creators creators;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ArticleReviews(Articles articles, Creators creators, AuditLog audit, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.articles = articles;
		this.creators = creators;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
	}

	public record Decided(long id, long articleId, String title, String outcome, String reasonCode, String note,
			long at, String appealStatus, Long reviewerId, String appealText) {

		public boolean appealable() {
			return "rejected".equals(outcome) && "none".equals(appealStatus);
		}

	}

	public List<Article> pending() {
		return articles.pending(200).stream().flatMap(id -> articles.find(id).stream()).toList();
	}

	public List<Finding> findings(long articleId) {
		return jdbc.sql(
				"SELECT id, article_id, kind, detail, matched_id, created_at FROM review_findings WHERE article_id = :id ORDER BY id")
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
			throw new BadRequestException("problem.governance.chooseAnOutcome");
		}
		String code = "approved".equals(outcome) && (reasonCode == null || reasonCode.isBlank()) ? "ok" : reasonCode;
		if (!"ok".equals(code) && !REASON_CODES.contains(code)) {
			throw new BadRequestException("problem.governance.chooseAReasonCode");
		}
		String clean = note == null ? "" : note.strip();
		if (!"approved".equals(outcome) && clean.isEmpty()) {
			throw new BadRequestException("problem.governance.explainTheDecision");
		}
		if (clean.length() > 2000) {
			throw new BadRequestException("problem.governance.tooLong");
		}
		if ("approved".equals(outcome)) {
			articles.approvePending(articleId);
		}
		else {
			articles.refusePending(articleId, "rejected".equals(outcome));
		}
		long decisionId = Ids.next();
		jdbc.sql(
				"INSERT INTO review_decisions (id, article_id, creator_id, outcome, reason_code, note, reviewer_id, created_at)"
						+ " VALUES (:id, :a, :c, :o, :r, :n, :by, :at)")
			.param("id", decisionId)
			.param("a", articleId)
			.param("c", article.creatorId())
			.param("o", outcome)
			.param("r", code)
			.param("n", clean.isEmpty() ? null : clean)
			.param("by", reviewer.accountId())
			.param("at", System.currentTimeMillis())
			.update();
		audit.record("review." + outcome, "article", articleId, clean.isEmpty() ? null : clean, code);
		creators.accountOf(article.creatorId())
			.ifPresent(account -> events.publishEvent(new ArticleReviewed(decisionId, articleId, account,
					article.title(), outcome, code, clean.isEmpty() ? null : clean)));
	}

	public List<Decided> decisionsFor(long creatorId) {
		return decided("creator_id = :c", "c", creatorId);
	}

	/** Rejections under appeal, oldest first. */
	public List<Decided> openAppeals() {
		return decided("appeal_status = :s", "s", "open");
	}

	private List<Decided> decided(String where, String name, Object value) {
		return jdbc.sql(
				"SELECT id, article_id, outcome, reason_code, note, created_at, appeal_status, reviewer_id, appeal_text"
						+ " FROM review_decisions WHERE " + where + " ORDER BY created_at DESC LIMIT 100")
			.param(name, value)
			.query((rs, n) -> new Decided(rs.getLong(1), rs.getLong(2),
					articles.find(rs.getLong(2)).map(Article::title).orElse("?"), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9)))
			.list();
	}

	private Decided decision(long id) {
		return decided("id = :id", "id", id).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no review decision " + id));
	}

	/** The creator appeals a rejection once; a different reviewer will decide. */
	@Transactional
	public void appeal(long decisionId, String text, long creatorId, SignedIn who) {
		Decided decided = decision(decisionId);
		Article article = articles.find(decided.articleId())
			.filter(a -> a.creatorId() == creatorId)
			.orElseThrow(() -> new NotFoundException("no such decision"));
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty() || clean.length() > 2000) {
			throw new BadRequestException("problem.governance.explainYourAppeal");
		}
		if (!decided.appealable() || jdbc
			.sql("UPDATE review_decisions SET appeal_status = 'open', appeal_text = :t WHERE id = :id"
					+ " AND appeal_status = 'none' AND outcome = 'rejected'")
			.param("t", clean)
			.param("id", decisionId)
			.update() != 1) {
			throw new BadRequestException("problem.governance.oneAppealPerDecisionReview");
		}
		audit.record(who.accountId(), who.displayName(), "review.appeal", "article", article.id(), clean,
				Long.toString(decisionId));
	}

	/**
	 * A different reviewer decides the appeal; a reversal publishes the article and
	 * cancels the deduction.
	 */
	@Transactional
	public void decideAppeal(long decisionId, boolean reverse, String note, SignedIn reviewer) {
		Decided decided = decision(decisionId);
		if (!"open".equals(decided.appealStatus())) {
			throw new BadRequestException("problem.governance.noOpenAppeal");
		}
		if (decided.reviewerId() != null && decided.reviewerId() == reviewer.accountId()) {
			throw new ForbiddenException("problem.governance.anAppealIsDecidedByA");
		}
		String clean = note == null ? "" : note.strip();
		if (clean.isEmpty() || clean.length() > 2000) {
			throw new BadRequestException("problem.governance.aReasonIsRequired");
		}
		jdbc.sql(
				"UPDATE review_decisions SET appeal_status = :s, appeal_decided_by = :by, appeal_note = :n WHERE id = :id")
			.param("s", reverse ? "reversed" : "upheld")
			.param("by", reviewer.accountId())
			.param("n", clean)
			.param("id", decisionId)
			.update();
		Article article = articles.find(decided.articleId()).orElseThrow();
		if (reverse) {
			articles.publishRejected(article.id());
		}
		audit.record("review.appeal-" + (reverse ? "reversed" : "upheld"), "article", article.id(), clean,
				Long.toString(decisionId));
		creators.accountOf(article.creatorId())
			.ifPresent(account -> events.publishEvent(new AppealDecided("review", decisionId, account, reverse, clean,
					null, article.id(), article.title())));
	}

}
