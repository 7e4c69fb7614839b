package io.inkstone.governance;

import io.inkstone.notifications.MailNotice;
import io.inkstone.shared.PublicUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.articles.PublishingGate;
import io.inkstone.audit.AuditLog;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.shared.PlatformDays;
import java.time.Instant;
import java.util.Locale;

/**
 * Notice and action. A report is filed against an article, a comment or a creator; a
 * reviewer decides it with a rule and a statement of reasons, and the decision is one
 * {@link ModerationDecision} of the one model ({@link ModerationDecisions}), which sends
 * the statement, audits it and runs its one appeal.
 */
@Service
public class Reports implements PublishingGate {

	static final Duration RESTRICTION = Duration.ofDays(7);

	static final int MAX_DETAIL = 2000;

	private final ReportRepository repository;

	private final Articles articles;

	private final Comments comments;

	private final Creators creators;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ModerationDecisions decisions;

	private final PublicUrl publicUrl;

	private final RuleChoice ruleChoice;

	private final Clock clock;

	Reports(ReportRepository repository, Articles articles, Comments comments, Creators creators, AuditLog audit,
			ApplicationEventPublisher events, PublicUrl publicUrl, ModerationDecisions decisions, RuleChoice ruleChoice,
			Clock clock) {
		this.clock = clock;
		this.ruleChoice = ruleChoice;
		this.decisions = decisions;
		this.publicUrl = publicUrl;
		this.repository = repository;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.audit = audit;
		this.events = events;
	}

	/** What a reporter typed. */
	public record Filing(String targetType, long targetId, String reason, String detail, String evidence) {
	}

	/** Field errors (message keys) for a filing; empty when it may be filed. */
	public Map<String, String> validate(Filing f) {
		Map<String, String> errors = new TreeMap<>();
		if (ReportReason.parse(f.reason()).isEmpty()) {
			errors.put("reason", "report.error.reason");
		}
		if (f.detail() != null && f.detail().length() > MAX_DETAIL) {
			errors.put("detail", "report.error.detail");
		}
		String evidence = f.evidence() == null ? "" : f.evidence().strip();
		if (!evidence.isEmpty() && (evidence.length() > 500 || !evidence.matches("(?i)https?://\\S+"))) {
			errors.put("evidence", "report.error.evidence");
		}
		return errors;
	}

	/**
	 * Files a report; the target must exist (404 otherwise). Returns the report with its
	 * reference number.
	 */
	@Transactional
	public Report file(Filing f, String reporterKey, Long reporterAccount) {
		if (!validate(f).isEmpty()) {
			throw new BadRequestException("problem.governance.reportIncomplete");
		}
		Long articleId = null;
		Long creatorId;
		switch (f.targetType()) {
			case "article" -> {
				Article article = articles.getPublished(f.targetId()); // what readers can
																		// see
				articleId = article.id();
				creatorId = article.creatorId();
			}
			case "comment" -> {
				articleId = comments.articleOf(f.targetId());
				creatorId = articles.find(articleId).map(Article::creatorId).orElse(null);
			}
			case "creator" -> creatorId = creators.get(f.targetId()).id();
			default -> throw new NotFoundException("nothing to report");
		}
		long id = Ids.next();
		String detail = f.detail() == null || f.detail().isBlank() ? null : f.detail().strip();
		String evidence = f.evidence() == null || f.evidence().isBlank() ? null : f.evidence().strip();
		Report report = new Report(id, reference(id), f.targetType(), f.targetId(), articleId, creatorId, f.reason(),
				detail, evidence, reporterKey, reporterAccount, "open", null, null, null, null, null, "none", null,
				null, null, null, clock.millis(), null, null, null);
		repository.insert(report);
		return report;
	}

	/** What a rights holder states in a copyright notice. */
	public record CopyrightNotice(long articleId, String claimantName, String claimantContact, String originalWork,
			String detail, boolean goodFaith) {
	}

	public Map<String, String> validate(CopyrightNotice n) {
		Map<String, String> errors = new TreeMap<>();
		if (n.claimantName() == null || n.claimantName().isBlank() || n.claimantName().length() > 100) {
			errors.put("claimantName", "copyright.error.name");
		}
		if (n.claimantContact() == null || !n.claimantContact().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
				|| n.claimantContact().length() > 200) {
			errors.put("claimantContact", "copyright.error.contact");
		}
		if (n.originalWork() == null || n.originalWork().isBlank() || n.originalWork().length() > 500) {
			errors.put("originalWork", "copyright.error.work");
		}
		if (n.detail() != null && n.detail().length() > MAX_DETAIL) {
			errors.put("detail", "report.error.detail");
		}
		if (!n.goodFaith()) {
			errors.put("goodFaith", "copyright.error.statement");
		}
		return errors;
	}

	/**
	 * Files a rights holder's notice against an article: an infringement report with the
	 * claimant's details.
	 */
	@Transactional
	public Report fileCopyright(CopyrightNotice n, String reporterKey, Long reporterAccount) {
		if (!validate(n).isEmpty()) {
			throw new BadRequestException("problem.governance.noticeIncomplete");
		}
		Article article = articles.getPublished(n.articleId()); // what readers can see
		long id = Ids.next();
		Report report = new Report(id, reference(id), "article", article.id(), article.id(), article.creatorId(),
				ReportReason.INFRINGEMENT.code(),
				n.detail() == null || n.detail().isBlank() ? null : n.detail().strip(), null, reporterKey,
				reporterAccount, "open", null, null, null, null, null, "none", null, null, null, null, clock.millis(),
				n.claimantName().strip(), n.claimantContact().strip(), n.originalWork().strip());
		repository.insert(report);
		audit.record(reporterAccount, n.claimantName().strip(), "copyright.notice", "article", article.id(),
				n.originalWork().strip(), report.ref());
		return report;
	}

	/** A short, unguessable-enough public reference: JB- and the id in base 36. */
	static String reference(long id) {
		return "JB-" + Long.toString(id, 36).toUpperCase(Locale.ROOT);
	}

	public Optional<Report> byRef(String ref) {
		return repository.byRef(ref);
	}

	public List<Report> byReporter(String reporterKey) {
		return repository.byReporter(reporterKey);
	}

	Optional<Report> find(long id) {
		return repository.find(id);
	}

	public Report get(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
	}

	public List<Report> queue(String reason) {
		return repository.open(reason, 200);
	}

	/**
	 * Decides an open report. Anything but "no action" needs the rule it applies and a
	 * statement of reasons; the decision is one {@link ModerationDecision} (source
	 * {@code report}, or {@code copyright} for a rights holder's notice) with the
	 * report's id and reference, so its appeal lives at {@code /appeals/{report id}}.
	 */
	@Transactional
	public void decide(long reportId, Decision decision, String rule, String statement, SignedIn reviewer) {
		decide(reportId, decision, rule, statement, null, reviewer);
	}

	/**
	 * Decides an open report as above, with the statement of reasons as the reviewer
	 * adjusted it for the case (null or blank: the action's template).
	 */
	@Transactional
	public void decide(long reportId, Decision decision, String rule, String statement,
			ModerationDecisions.Wording wording, SignedIn reviewer) {
		Report report = get(reportId);
		if (!report.open()) {
			throw new BadRequestException("problem.governance.alreadyDecided");
		}
		if (!decision.fits(report.targetType())) {
			throw new BadRequestException("problem.governance.thisDecisionDoesNotFitThe");
		}
		String cleanRule = rule == null ? "" : rule.strip();
		String cleanStatement = statement == null ? "" : statement.strip();
		if (decision != Decision.NO_ACTION && (cleanRule.isEmpty() || cleanStatement.isEmpty())) {
			throw new BadRequestException("problem.governance.aRuleAndAStatementOf");
		}
		if (cleanRule.length() > 300 || cleanStatement.length() > MAX_DETAIL) {
			throw new BadRequestException("problem.governance.ruleOrStatementTooLong");
		}
		ruleChoice.check(cleanRule);
		if (!repository.markDecided(reportId)) {
			throw new BadRequestException("problem.governance.alreadyDecided");
		}
		decisions.decide(new ModerationDecisions.Draft(report.id(), report.ref(),
				report.copyright() ? ModerationDecision.COPYRIGHT : ModerationDecision.REPORT, report.id(),
				report.targetType(), report.targetId(), report.articleId(), report.creatorId(),
				ModerationAction.of(decision), report.reason(), cleanRule, cleanStatement, report.createdAt(), wording),
				reviewer);
		if (report.copyright()) {
			events.publishEvent(MailNotice.of(report.claimantContact(), "copyrightDecided",
					Map.of("ref", report.ref(), "name", Objects.requireNonNullElse(report.claimantName(), ""),
							"outcome", decision.code(), "statement", cleanStatement.isEmpty() ? "—" : cleanStatement,
							"link", publicUrl.absolute("/reports/" + report.ref()))));
		}
	}

	@Override
	public void checkMayPublish(long creatorId) {
		repository.restrictedUntil(creatorId, clock.millis()).ifPresent(until -> {
			throw new ForbiddenException("problem.governance.publishingSuspendedUntil",
					Instant.ofEpochMilli(until)
						.atZone(PlatformDays.zone())
						.toLocalDateTime()
						.withNano(0)
						.toString()
						.replace('T', ' '));
		});
	}

	List<Report> between(long from, long to) {
		return repository.createdBetween(from, to);
	}

}
