package io.inkstone.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.rules.Rules;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.similarity.MatchHighlighter;
import io.inkstone.web.FormErrors;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/review}: articles held by the machine checks, with findings, filterable
 * by finding.
 */
@Controller
class AdminReviewController {

	private final ArticleReviews reviews;

	private final Articles articles;

	private final ModerationDecisions decisions;

	private final UiFactory ui;

	private final Rules rules;

	private final StatementTemplates templates;

	private final Creators creators;

	private final Clock clock;

	AdminReviewController(ArticleReviews reviews, Articles articles, ModerationDecisions decisions, UiFactory ui,
			Rules rules, StatementTemplates templates, Creators creators, Clock clock) {
		this.clock = clock;
		this.templates = templates;
		this.creators = creators;
		this.rules = rules;
		this.decisions = decisions;
		this.reviews = reviews;
		this.articles = articles;
		this.ui = ui;
	}

	/** The outcomes of the form, in its order, with the action each takes. */
	static final Map<String, ModerationAction> OUTCOMES = outcomes();

	private static Map<String, ModerationAction> outcomes() {
		Map<String, ModerationAction> outcomes = new LinkedHashMap<>();
		for (String o : List.of("approved", "changes", "rejected")) {
			outcomes.put(o, ArticleReviews.action(o));
		}
		return outcomes;
	}

	@GetMapping("/admin/review")
	String queue(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "done", required = false) Long done, Model model) {
		List<GovernancePages.Held> held = new ArrayList<>();
		for (Article a : reviews.pending()) {
			List<Finding> findings = reviews.findings(a.id());
			if (kind == null || kind.isBlank() || findings.stream().anyMatch(f -> f.kind().equals(kind))) {
				held.add(new GovernancePages.Held(a, findings, creatorName(a)));
			}
		}
		model.addAttribute("page",
				new GovernancePages.QueuePage(held, kind, decisions.openAppeals(Set.of(ModerationDecision.REVIEW)),
						done == null ? null : confirmation(done), clock.millis()));
		return "governance/review-queue";
	}

	@GetMapping("/admin/review/{id}")
	String detail(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(id, null, new ReviewDecisionForm(null, null, null, null, null, null), GovernancePages.Posted.NONE,
				request, model);
	}

	/**
	 * Decides; a refusal is said above the form and, when it is about one field, again at
	 * that field, which names it; the form shows what was posted.
	 */
	@PostMapping("/admin/review/{id}")
	String decide(@PathVariable long id, @Valid ReviewDecisionForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			reviews.decide(id, form.outcome(), form.reasonCode(), form.rule(), form.note(),
					new ModerationDecisions.Wording(form.sorZh(), form.sorEn()), SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return detail(id, ui.of(request).message(ex), form,
					new GovernancePages.Posted(form.values(), FormErrors.refusalKeys(ex, form::fieldOf)), request,
					model);
		}
		return "redirect:/admin/review?done=" + id;
	}

	private String creatorName(Article a) {
		Creator creator = creators.getAll(List.of(a.creatorId())).get(a.creatorId());
		return creator == null ? "#" + a.creatorId() : creator.displayName();
	}

	/** The last review decision on article {@code id}, from what is stored; or null. */
	private GovernancePages.Done confirmation(long id) {
		return decisions.ofArticles(List.of(id))
			.stream()
			.filter(d -> ModerationDecision.REVIEW.equals(d.source()))
			.reduce((first, second) -> second)
			.map(d -> new GovernancePages.Done(articles.find(id).map(Article::title).orElse("#" + id),
					ModerationDecisions.reviewOutcome(d.kind())))
			.orElse(null);
	}

	private String detail(long id, String error, ReviewDecisionForm form, GovernancePages.Posted posted,
			HttpServletRequest request, Model model) {
		Article article = articles.find(id).orElseThrow(() -> new NotFoundException("no article " + id));
		List<Finding> findings = reviews.findings(id);
		List<GovernancePages.SideBySide> matches = new ArrayList<>();
		for (Finding f : findings) {
			if (f.matchedId() != null) {
				articles.find(f.matchedId())
					.ifPresent(other -> matches.add(ReviewPipeline.PARTIAL_COPY.equals(f.kind())
							// a partial copy: only the copied passages, not every shared
							// word of two long texts
							? new GovernancePages.SideBySide(f, other,
									MatchHighlighter.highlightPassages(article.bodyMarkdown(), other.bodyMarkdown()),
									MatchHighlighter.highlightPassages(other.bodyMarkdown(), article.bodyMarkdown()))
							: new GovernancePages.SideBySide(f, other,
									MatchHighlighter.highlight(article.bodyMarkdown(), other.bodyMarkdown()),
									MatchHighlighter.highlight(other.bodyMarkdown(), article.bodyMarkdown()))));
			}
		}
		model.addAttribute("page",
				new GovernancePages.DetailPage(new GovernancePages.Held(article, findings, creatorName(article)),
						matches, error, ArticleReviews.REASON_CODES, rules.communityArticles(),
						templates.fields(OUTCOMES, form.outcome(), form.sorZh(), form.sorEn()), posted));
		return "governance/review-detail";
	}

}
