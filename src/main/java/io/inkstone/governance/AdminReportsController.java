package io.inkstone.governance;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.rules.Rules;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/reports}: reviewers work through open reports and appeals. */
@Controller
class AdminReportsController {

	private final Reports reports;

	private final Articles articles;

	private final Comments comments;

	private final Creators creators;

	private final ModerationDecisions decisions;

	private final UiFactory ui;

	private final Rules rules;

	private final StatementTemplates templates;

	private final Clock clock;

	AdminReportsController(Reports reports, Articles articles, Comments comments, Creators creators,
			ModerationDecisions decisions, UiFactory ui, Rules rules, StatementTemplates templates, Clock clock) {
		this.clock = clock;
		this.templates = templates;
		this.rules = rules;
		this.decisions = decisions;
		this.reports = reports;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.ui = ui;
	}

	@GetMapping("/admin/reports")
	String queue(@RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "done", required = false) Long done, Model model) {
		String filter = reason == null || ReportReason.parse(reason).isEmpty() ? null : reason;
		List<Report> open = reports.queue(filter);
		Map<Long, Creator> creatorsOf = creators
			.getAll(open.stream().map(Report::creatorId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<Long, String> subjects = new HashMap<>();
		for (Report r : open) {
			String title = r.articleId() == null ? null
					: articles.find(r.articleId()).map(a -> "《" + a.title() + "》").orElse(null);
			Creator creator = r.creatorId() == null ? null : creatorsOf.get(r.creatorId());
			subjects.put(r.id(),
					Stream.of(title, creator == null ? null : creator.displayName())
						.filter(Objects::nonNull)
						.collect(Collectors.joining(" · ")));
		}
		model.addAttribute("page",
				new GovernancePages.Queue(open,
						decisions.openAppeals(Set.of(ModerationDecision.REPORT, ModerationDecision.COPYRIGHT)), filter,
						done == null ? null : confirmation(done), subjects, clock.millis()));
		return "governance/queue";
	}

	@GetMapping("/admin/reports/{id}")
	String detail(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(reports.get(id), null, new ReportDecisionForm(null, null, null, null, null),
				GovernancePages.Posted.NONE, request, model);
	}

	/**
	 * Decides; a refusal is said above the form and, when it is about one field (the
	 * decision, the rule, the statement, a statement of reasons), again at that field,
	 * which names it; the form shows what was posted.
	 */
	@PostMapping("/admin/reports/{id}/decide")
	String decide(@PathVariable long id, @Valid ReportDecisionForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			Decision d = Decision.parse(form.decision())
				.orElseThrow(() -> new BadRequestException("problem.governance.chooseADecision"));
			reports.decide(id, d, form.rule(), form.statement(),
					new ModerationDecisions.Wording(form.sorZh(), form.sorEn()), SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return detail(reports.get(id), ui.of(request).message(ex), form,
					new GovernancePages.Posted(form.values(), FormErrors.refusalKeys(ex, form::fieldOf)), request,
					model);
		}
		// the queue confirms what was done, from what is stored (a reload shows the same)
		return "redirect:/admin/reports?done=" + id;
	}

	private String detail(Report report, String error, ReportDecisionForm form, GovernancePages.Posted posted,
			HttpServletRequest request, Model model) {
		String title;
		String text;
		String html = null;
		String state = null;
		switch (report.targetType()) {
			case "article" -> {
				var article = articles.find(report.targetId()).orElse(null);
				title = article == null ? "?" : article.title();
				text = "";
				// as readers see it, images included: the body is sanitized when it is
				// stored
				html = article == null ? null : article.bodyHtml();
				state = article == null ? null : stateOf(article.status());
			}
			case "comment" -> {
				title = "#" + report.targetId();
				text = comments.textOf(report.targetId());
			}
			default -> {
				var creator = creators.get(report.targetId());
				title = creator.displayName() + " @" + creator.handle();
				text = creator.tagline() == null ? "" : creator.tagline();
			}
		}
		List<Decision> fitting = Arrays.stream(Decision.values()).filter(d -> d.fits(report.targetType())).toList();
		List<String> decisions = fitting.stream().map(Decision::code).toList();
		Map<String, ModerationAction> actions = new LinkedHashMap<>();
		fitting.forEach(d -> actions.put(d.code(), ModerationAction.of(d)));
		model.addAttribute("page",
				new GovernancePages.ReportDetail(report, title, text, html, state, error, decisions,
						rules.communityArticles(),
						templates.fields(actions, form.decision(), form.sorZh(), form.sorEn()), posted));
		return "governance/detail";
	}

	/**
	 * What the decision on report {@code id} did, or null while it is open or unknown.
	 */
	private GovernancePages.Done confirmation(long id) {
		return reports.find(id)
			.filter(r -> !r.open() && r.decision() != null)
			.map(r -> new GovernancePages.Done(r.ref(), r.decision()))
			.orElse(null);
	}

	/** The studio's name for an article state ({@code studio.state.*}). */
	static String stateOf(ArticleStatus status) {
		return status == ArticleStatus.DELETED ? "trash" : status.dbValue();
	}

}
