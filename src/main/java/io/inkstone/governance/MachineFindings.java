package io.inkstone.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 机审记录: live articles the machine checks flagged, whatever the compliance profile — so a
 * site that does not hold flagged articles still sees what a holding profile would have
 * held — and the two things staff do about one: hold it for a reviewer, or take it down
 * through the one moderation model (statement of reasons, one appeal).
 */
@Service
public class MachineFindings {

	/** The page's filter: a group of finding kinds. */
	static final Map<String, Set<String>> GROUPS = Map.of("sensitive", Set.of(ReviewPipeline.SENSITIVE), "copy",
			Set.of(ReviewPipeline.FALSE_ORIGINAL, ReviewPipeline.UNATTRIBUTED, ReviewPipeline.REPEAT,
					ReviewPipeline.PARTIAL_COPY),
			"spam", Set.of(ReviewPipeline.LINKS, ReviewPipeline.BAD_DOMAIN), "ai",
			Set.of(ReviewPipeline.UNDECLARED_AI));

	static final List<String> GROUP_ORDER = List.of("sensitive", "copy", "spam", "ai");

	/** Findings about the article itself (not about its creator's trust). */
	private static final Set<String> ARTICLE_KINDS = Set.of(ReviewPipeline.SENSITIVE, ReviewPipeline.FALSE_ORIGINAL,
			ReviewPipeline.UNATTRIBUTED, ReviewPipeline.REPEAT, ReviewPipeline.LINKS, ReviewPipeline.BAD_DOMAIN,
			ReviewPipeline.UNDECLARED_AI, ReviewPipeline.PARTIAL_COPY);

	private final JdbcClient jdbc;

	private final Articles articles;

	private final ArticleReviews reviews;

	private final ModerationDecisions decisions;

	private final AuditLog audit;

	private final RuleChoice ruleChoice;

	MachineFindings(JdbcClient jdbc, Articles articles, ArticleReviews reviews, ModerationDecisions decisions,
			AuditLog audit, RuleChoice ruleChoice) {
		this.ruleChoice = ruleChoice;
		this.jdbc = jdbc;
		this.articles = articles;
		this.reviews = reviews;
		this.decisions = decisions;
		this.audit = audit;
	}

	/** A live article with its findings about the article; {@code at} the newest. */
	public record Flagged(Article article, List<Finding> findings, long at) {
	}

	/**
	 * Live articles with findings, newest finding first; {@code group} (sensitive, copy,
	 * spam, ai) or null for all. An unknown group is a 400.
	 */
	public List<Flagged> live(String group) {
		Set<String> kinds = group == null || group.isBlank() ? ARTICLE_KINDS : GROUPS.get(group);
		if (kinds == null) {
			throw new BadRequestException("problem.machine.unknownKind");
		}
		List<Long> ids = jdbc
			.sql("SELECT article_id FROM review_findings WHERE kind IN (:kinds) GROUP BY article_id"
					+ " ORDER BY MAX(created_at) DESC, article_id DESC LIMIT 500")
			.param("kinds", kinds)
			.query(Long.class)
			.list();
		List<Flagged> flagged = new ArrayList<>();
		for (long id : ids) {
			Optional<Article> article = articles.find(id).filter(a -> a.articleStatus() == ArticleStatus.PUBLISHED);
			if (article.isPresent()) {
				List<Finding> findings = reviews.findings(id)
					.stream()
					.filter(f -> ARTICLE_KINDS.contains(f.kind()))
					.toList();
				long at = findings.stream().mapToLong(Finding::createdAt).max().orElse(0);
				flagged.add(new Flagged(article.get(), findings, at));
			}
			if (flagged.size() >= 200) {
				break;
			}
		}
		return flagged;
	}

	private Flagged liveOne(long articleId) {
		Article article = articles.find(articleId)
			.filter(a -> a.articleStatus() == ArticleStatus.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("no live article " + articleId));
		List<Finding> findings = reviews.findings(articleId)
			.stream()
			.filter(f -> ARTICLE_KINDS.contains(f.kind()))
			.toList();
		if (findings.isEmpty()) {
			throw new NotFoundException("no machine findings on " + articleId);
		}
		return new Flagged(article, findings, 0);
	}

	/** Staff send a live flagged article to the review queue (it leaves the public). */
	@Transactional
	public void hold(long articleId, SignedIn staff) {
		Flagged f = liveOne(articleId);
		articles.holdForReview(articleId);
		audit.record(staff.accountId(), staff.displayName(), "machine.hold", "article", articleId, null,
				String.join(",", f.findings().stream().map(Finding::kind).distinct().toList()));
	}

	/**
	 * Staff take a live flagged article down: one {@link ModerationDecision} (source
	 * {@code machine}) with a review reason, the rule applied and a statement, both
	 * required; the creator is sent the statement of reasons and may appeal.
	 */
	@Transactional
	public ModerationDecision takeDown(long articleId, String reason, String rule, String statement, SignedIn staff) {
		Flagged f = liveOne(articleId);
		if (reason == null || !ArticleReviews.REASON_CODES.contains(reason)) {
			throw new BadRequestException("problem.governance.chooseAReasonCode");
		}
		String cleanRule = rule == null ? "" : rule.strip();
		if (cleanRule.isEmpty()) {
			throw new BadRequestException("problem.machine.ruleRequired");
		}
		String clean = statement == null ? "" : statement.strip();
		if (clean.isEmpty()) {
			throw new BadRequestException("problem.governance.explainTheDecision");
		}
		if (clean.length() > 2000 || cleanRule.length() > 300) {
			throw new BadRequestException("problem.governance.tooLong");
		}
		ruleChoice.check(cleanRule);
		long id = Ids.next();
		return decisions.decide(new ModerationDecisions.Draft(id, "MR-" + id, ModerationDecision.MACHINE, null,
				"article", articleId, articleId, f.article().creatorId(), ModerationAction.TAKE_DOWN, reason, cleanRule,
				clean, f.article().updatedAt(), null), staff);
	}

}
