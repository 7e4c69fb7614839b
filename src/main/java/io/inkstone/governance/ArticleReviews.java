package io.inkstone.governance;

import java.util.List;
import java.util.Set;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人审: reviewers decide articles the machine checks held. Each decision is one
 * {@link ModerationDecision} (source {@code review}): the creator is told the outcome
 * with its statement of reasons, and a rejection is appealed through the one appeal flow.
 */
@Service
public class ArticleReviews {

	public static final List<String> REASON_CODES = List.of("sensitive", "plagiarism", "false-original", "unattributed",
			"spam", "undeclared-ai", "quality", "other");

	private static final Set<String> OUTCOMES = Set.of("approved", "rejected", "changes");

	private final Articles articles;

	private final JdbcClient jdbc;

	private final ModerationDecisions decisions;

	private final RuleChoice ruleChoice;

	ArticleReviews(Articles articles, JdbcClient jdbc, ModerationDecisions decisions, RuleChoice ruleChoice) {
		this.ruleChoice = ruleChoice;
		this.articles = articles;
		this.jdbc = jdbc;
		this.decisions = decisions;
	}

	/** A reviewer's decision as the creator's credit page lists it. */
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

	static ModerationAction action(String outcome) {
		return switch (outcome) {
			case "approved" -> ModerationAction.APPROVE;
			case "rejected" -> ModerationAction.REJECT;
			default -> ModerationAction.NEEDS_CHANGES;
		};
	}

	@Transactional
	public void decide(long articleId, String outcome, String reasonCode, String note, SignedIn reviewer) {
		decide(articleId, outcome, reasonCode, null, note, reviewer);
	}

	/**
	 * Decides a held article: approve, ask for changes or reject, with a reason code, the
	 * rule applied (required for a rejection) and a note the creator reads (required
	 * unless approved).
	 */
	@Transactional
	public void decide(long articleId, String outcome, String reasonCode, String rule, String note, SignedIn reviewer) {
		decide(articleId, outcome, reasonCode, rule, note, null, reviewer);
	}

	/**
	 * Decides a held article as above, with the statement of reasons as the reviewer
	 * adjusted it for the case (null or blank: the outcome's template).
	 */
	@Transactional
	public void decide(long articleId, String outcome, String reasonCode, String rule, String note,
			ModerationDecisions.Wording wording, SignedIn reviewer) {
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
		String cleanRule = rule == null ? "" : rule.strip();
		if ("rejected".equals(outcome) && cleanRule.isEmpty()) {
			// a rejection takes publication away and can be appealed: its statement names
			// the rule
			throw new BadRequestException("problem.governance.aRejectionNeedsARule");
		}
		if (clean.length() > 2000 || cleanRule.length() > 300) {
			throw new BadRequestException("problem.governance.tooLong");
		}
		ruleChoice.check(cleanRule);
		long id = Ids.next();
		decisions.decide(new ModerationDecisions.Draft(id, "RV-" + id, ModerationDecision.REVIEW, null, "article",
				articleId, articleId, article.creatorId(), action(outcome), code, cleanRule, clean, article.updatedAt(),
				wording), reviewer);
	}

	/** A creator's review outcomes, newest first, from the one model. */
	public List<Decided> decisionsFor(long creatorId) {
		return decisions.reviewsOf(creatorId)
			.stream()
			.map(d -> new Decided(d.id(), d.subjectId(), articles.find(d.subjectId()).map(Article::title).orElse("?"),
					ModerationDecisions.reviewOutcome(d.kind()), d.reason(), d.statement(), d.decidedAt(),
					d.appealStatus(), d.decidedBy(), d.appealText()))
			.toList();
	}

}
