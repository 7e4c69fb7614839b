package io.inkstone.governance;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.inkstone.notifications.MailNotice;
import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditLog;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.RemovalReason;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TwoLanguages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one moderation model (Mastodon's strike and appeal): reports, reviewers' decisions
 * on held articles and rights holders' notices all end in a {@link ModerationDecision}
 * made here — its action applied, the decision stored and audited, and the statement of
 * reasons handed to the affected account through the durable after-commit path (the
 * message centre, and mail unless the account turned it off) in the same transaction.
 * Every decision has one appeal, decided by a different staff member, and a reversal
 * undoes the action by its kind.
 */
@Service
public class ModerationDecisions {

	private static final Set<String> NOTICE_SOURCES = Set.of(ModerationDecision.REPORT, ModerationDecision.COPYRIGHT);

	private final ModerationDecisionRepository repository;

	private final ReportRepository reports;

	private final Articles articles;

	private final Comments comments;

	private final Creators creators;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final PublicUrl publicUrl;

	private final StatementTemplates templates;

	private final Clock clock;

	ModerationDecisions(ModerationDecisionRepository repository, ReportRepository reports, Articles articles,
			Comments comments, Creators creators, AuditLog audit, ApplicationEventPublisher events,
			MessageSource messages, PublicUrl publicUrl, StatementTemplates templates, Clock clock) {
		this.clock = clock;
		this.templates = templates;
		this.repository = repository;
		this.reports = reports;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	/**
	 * A decision about to be made. {@code id} and {@code ref} are the case's (a report
	 * keeps its own), {@code receivedAt} when the case arrived (for the time to decide).
	 */
	record Draft(long id, String ref, String source, Long reportId, String subjectType, long subjectId, Long articleId,
			Long creatorId, ModerationAction action, String reason, String rule, String statement, long receivedAt,
			Wording wording) {
	}

	/**
	 * The statement of reasons as the decider adjusted it for one case, per language; a
	 * blank one (or a null wording) is the action's template as stored.
	 */
	public record Wording(String zh, String en) {

		static final Wording TEMPLATE = new Wording(null, null);

		String of(String language) {
			return "en".equals(language) ? en : zh;
		}

	}

	/**
	 * Applies the action, stores the decision, audits it and sends the statement of
	 * reasons — all in the caller's transaction, so a refused move stores nothing.
	 */
	@Transactional
	ModerationDecision decide(Draft draft, SignedIn decider) {
		Wording wording = draft.wording() == null ? Wording.TEMPLATE : draft.wording();
		for (String language : StatementTemplates.LANGUAGES) {
			if (StatementTemplates.clean(wording.of(language))
				.map(String::length)
				.orElse(0) > StatementTemplates.MAX_LENGTH) {
				throw new BadRequestException("problem.governance.tooLong");
			}
		}
		apply(draft);
		ModerationDecision decision = new ModerationDecision(draft.id(), draft.ref(), draft.source(), draft.reportId(),
				draft.subjectType(), draft.subjectId(), draft.articleId(), draft.creatorId(), draft.action().code(),
				draft.reason(), blankToNull(draft.rule()), blankToNull(draft.statement()), decider.accountId(),
				clock.millis(), draft.receivedAt(), "none", null, null, null, null, null);
		repository.insert(decision);
		boolean review = ModerationDecision.REVIEW.equals(decision.source());
		if (review) {
			audit.record("review." + reviewOutcome(decision.kind()), "article", decision.subjectId(),
					decision.statement(), decision.reason());
		}
		else {
			audit.record(
					(ModerationDecision.MACHINE.equals(decision.source()) ? "machine." : "report.") + decision.action(),
					decision.subjectType(), decision.subjectId(), decision.statement(), decision.ref() + " "
							+ decision.reason() + (decision.ruleText() == null ? "" : " rule: " + decision.ruleText()));
		}
		String title = title(decision);
		String statement = null;
		if (decision.kind().needsStatement()) {
			// kept as sent: a later edit of the template does not change it
			statement = statementOfReasons(decision, title, wording);
			repository.statementText(decision.id(), statement);
		}
		notifyAffected(decision, title, statement);
		return decision;
	}

	private void apply(Draft d) {
		switch (d.action()) {
			case TAKE_DOWN -> articles.takeDown(d.subjectId(),
					RemovalReason.stored(
							ModerationDecision.MACHINE.equals(d.source())
									|| ModerationDecision.REVIEW.equals(d.source()) ? "review" : "report",
							d.reason(), d.ref()));
			case LABEL -> articles.label(d.subjectId(), ArticleLabels.forReason(d.reason()));
			case HIDE_COMMENT -> comments.removeByStaff(d.subjectId(), true);
			case RESTRICT_CREATOR -> {
				if (d.creatorId() == null) {
					throw new BadRequestException("problem.governance.noCreatorToRestrict");
				}
				repository.restrict(d.creatorId(), clock.millis() + Reports.RESTRICTION.toMillis(),
						restrictionReason(messages, d.reason(), d.ref()));
			}
			case APPROVE -> articles.approvePending(d.subjectId());
			case REJECT -> articles.refusePending(d.subjectId(), true);
			case NEEDS_CHANGES -> articles.refusePending(d.subjectId(), false);
			case NO_ACTION -> {
			}
		}
	}

	/**
	 * The reason stored with a restriction, in Chinese: the report reason's label (its
	 * own wording where the bundle has one, as "other") and the decision's reference.
	 */
	static String restrictionReason(MessageSource messages, String reason, String ref) {
		String label = messages.getMessage(
				new DefaultMessageSourceResolvable(
						new String[] { "moderation.restriction.reason." + reason, "report.reason." + reason }, reason),
				TwoLanguages.CHINESE);
		return TwoLanguages.chinese(messages, "moderation.restriction.stored", label, ref);
	}

	/** Undoes an action whose appeal succeeded, by its kind. */
	private void undo(ModerationAction.Undo undo, ModerationDecision d) {
		switch (undo) {
			case REINSTATE_ARTICLE -> articles.reinstate(d.subjectId());
			case REMOVE_LABEL -> articles.label(d.subjectId(), null);
			case PUBLISH_ARTICLE -> articles.publishRejected(d.subjectId());
			case RESTORE_COMMENT -> comments.removeByStaff(d.subjectId(), false);
			case LIFT_RESTRICTION -> {
				if (d.creatorId() != null) {
					repository.lift(d.creatorId());
				}
			}
			case NOTHING -> {
			}
		}
	}

	/**
	 * The affected account hears of the decision after commit: a review outcome as a
	 * review notice, any other action as a moderation notice; both carry the statement of
	 * reasons, which the message centre also mails.
	 */
	private void notifyAffected(ModerationDecision d, String title, String statementOfReasons) {
		Optional<Long> account = affectedAccount(d);
		if (account.isEmpty()) {
			return;
		}
		String statement = statementOfReasons != null ? statementOfReasons : d.statement();
		if (ModerationDecision.REVIEW.equals(d.source())) {
			events.publishEvent(new ArticleReviewed(d.id(), d.subjectId(), account.get(), title,
					reviewOutcome(d.kind()), d.reason(), statement));
		}
		else if (d.kind().needsStatement()) {
			events.publishEvent(new ModerationDecided(d.id(), d.ref(), account.get(), d.action(), d.subjectType(),
					d.subjectId(), d.articleId(), title, statement, d.appealPath()));
		}
	}

	/**
	 * The statement of reasons (what, on which facts, under which rule, how to appeal):
	 * the action's template in each language (as stored now, or as the decider adjusted
	 * it for this case), Chinese then English, as the platform's mails are.
	 */
	String statementOfReasons(ModerationDecision d, String title, Wording wording) {
		StringBuilder text = new StringBuilder();
		for (String language : StatementTemplates.LANGUAGES) {
			Locale locale = StatementTemplates.locale(language);
			String subject = switch (d.subjectType()) {
				case "comment" -> messages.getMessage("moderation.subject.comment",
						new Object[] { Long.toString(d.subjectId()) }, locale);
				case "creator" -> creators.get(d.subjectId()).displayName();
				default -> title == null ? "#" + d.subjectId() : title;
			};
			MessageSourceResolvable reason = new DefaultMessageSourceResolvable(new String[] { d.reasonKey() },
					d.reason());
			List<String> args = List.of(d.ref(), subject, messages.getMessage(reason, locale),
					d.statement() == null ? "—" : d.statement(), d.ruleText() == null ? "—" : d.ruleText(),
					publicUrl.absolute(d.appealPath()));
			String template = StatementTemplates.clean(wording.of(language))
				.orElseGet(() -> templates.stored(d.kind(), language));
			if (!text.isEmpty()) {
				text.append(TwoLanguages.SEPARATOR);
			}
			text.append(StatementTemplates.fill(template, args));
		}
		return text.toString();
	}

	private String title(ModerationDecision d) {
		return d.articleId() == null ? null : articles.find(d.articleId()).map(Article::title).orElse(null);
	}

	static String reviewOutcome(ModerationAction action) {
		return switch (action) {
			case APPROVE -> "approved";
			case NEEDS_CHANGES -> "changes";
			default -> "rejected";
		};
	}

	/** The account a decision affects: the comment's author, or the creator's account. */
	Optional<Long> affectedAccount(ModerationDecision d) {
		if ("comment".equals(d.subjectType())) {
			return Optional.of(comments.authorOf(d.subjectId()));
		}
		return d.creatorId() == null ? Optional.empty() : creators.accountOf(d.creatorId());
	}

	public boolean affects(ModerationDecision d, long accountId) {
		return affectedAccount(d).filter(a -> a == accountId).isPresent();
	}

	public ModerationDecision get(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("no decision " + id));
	}

	public Optional<ModerationDecision> find(long id) {
		return repository.find(id);
	}

	/** Open appeals of every source, oldest first. */
	public List<ModerationDecision> openAppeals() {
		return repository.openAppeals(Set.of(), 200);
	}

	List<ModerationDecision> openAppeals(Set<String> sources) {
		return repository.openAppeals(sources, 200);
	}

	/**
	 * Decisions on reports and notices about a creator that took action, newest first.
	 */
	public List<ModerationDecision> noticesAbout(long creatorId) {
		return repository.ofCreator(creatorId, NOTICE_SOURCES)
			.stream()
			.filter(d -> d.kind() != ModerationAction.NO_ACTION)
			.toList();
	}

	/** Reviewers' decisions on a creator's held articles, newest first. */
	public List<ModerationDecision> reviewsOf(long creatorId) {
		return repository.ofCreator(creatorId, Set.of(ModerationDecision.REVIEW));
	}

	List<ModerationDecision> ofArticles(List<Long> articleIds) {
		return articleIds.isEmpty() ? List.of() : repository.ofArticles(articleIds);
	}

	List<ModerationDecision> receivedBetween(long from, long to) {
		return repository.receivedBetween(from, to);
	}

	/** The affected account appeals once; a different staff member will decide. */
	@Transactional
	public void appeal(long id, String text, SignedIn who) {
		ModerationDecision d = get(id);
		String clean = AppealRules.checkAppeal(d, affects(d, who.accountId()), text);
		if (!repository.appeal(id, clean, clock.millis())) {
			throw new BadRequestException("problem.governance.oneAppealPerDecision");
		}
		String action = switch (d.source()) {
			case ModerationDecision.COPYRIGHT -> "copyright.counter-notice";
			case ModerationDecision.REVIEW -> "review.appeal";
			default -> "report.appeal";
		};
		audit.record(who.accountId(), who.displayName(), action, d.subjectType(), d.subjectId(), clean, d.ref());
		claimant(d).ifPresent(report -> events.publishEvent(MailNotice.of(report.claimantContact(), "counterNotice", Map
			.of("ref", report.ref(), "name", Objects.requireNonNullElse(report.claimantName(), ""), "text", clean))));
	}

	/**
	 * A staff member other than the decider upholds or reverses the decision; a reversal
	 * undoes its action by its kind.
	 */
	@Transactional
	public void decideAppeal(long id, boolean reverse, String note, SignedIn staff) {
		ModerationDecision d = get(id);
		String clean = AppealRules.checkAppealDecision(d, staff.accountId(), note);
		undo(AppealRules.undoFor(d, reverse), d);
		if (!repository.decideAppeal(id, reverse ? "reversed" : "upheld", clean, staff.accountId(), clock.millis())) {
			throw new BadRequestException("problem.governance.noOpenAppeal");
		}
		boolean review = ModerationDecision.REVIEW.equals(d.source());
		audit.record((review ? "review" : "report") + ".appeal-" + (reverse ? "reversed" : "upheld"), d.subjectType(),
				d.subjectId(), clean, d.ref());
		claimant(d).ifPresent(report -> {
			String mail = reverse ? "counterNoticeReversed" : "counterNoticeUpheld";
			events.publishEvent(MailNotice.of(report.claimantContact(), mail, Map.of("ref", report.ref(), "name",
					Objects.requireNonNullElse(report.claimantName(), ""), "reason", clean)));
		});
		String title = title(d);
		affectedAccount(d).ifPresent(account -> events.publishEvent(new AppealDecided(review ? "review" : "report",
				d.id(), account, reverse, clean, d.ref(), d.articleId(), title)));
	}

	/** The rights holder's notice behind a copyright decision, to tell them each step. */
	private Optional<Report> claimant(ModerationDecision d) {
		return d.copyright() && d.reportId() != null ? reports.find(d.reportId()).filter(Report::copyright)
				: Optional.empty();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
