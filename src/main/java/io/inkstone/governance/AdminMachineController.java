package io.inkstone.governance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/machine} (机审记录): live articles with machine findings, filterable by kind,
 * each with 暂停发布/送审 and 下架 for reviewers and admins.
 */
@Controller
class AdminMachineController {

	private static final Set<String> ACTIONS = Set.of("hold", "take-down");

	private final MachineFindings findings;

	private final Articles articles;

	private final Creators creators;

	private final UiFactory ui;

	private final Rules rules;

	AdminMachineController(MachineFindings findings, Articles articles, Creators creators, UiFactory ui, Rules rules) {
		this.rules = rules;
		this.findings = findings;
		this.articles = articles;
		this.creators = creators;
		this.ui = ui;
	}

	@GetMapping("/admin/machine")
	String page(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "ref", required = false) String ref, Model model) {
		return render(kind, done != null && ACTIONS.contains(done) ? done : null, ref, null, null,
				GovernancePages.Posted.NONE, model);
	}

	/**
	 * Holds or takes down; a refusal is said on the article's row and, when it is about
	 * one field of the take-down form, again at that field, with what was posted.
	 */
	@PostMapping("/admin/machine/{id}")
	String act(@PathVariable long id, @Valid MachineActionForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		SignedIn staff = SignedIn.current().orElseThrow();
		try {
			switch (form.action()) {
				case "hold" -> {
					findings.hold(id, staff);
					redirect.addAttribute("done", "hold");
				}
				case "take-down" -> {
					ModerationDecision d = findings.takeDown(id, form.reason(), form.rule(), form.statement(), staff);
					redirect.addAttribute("done", "take-down");
					redirect.addAttribute("ref", d.ref());
				}
				default -> throw new BadRequestException("problem.machine.unknownAction");
			}
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return render(null, null, null, ui.of(request).message(ex), id,
					new GovernancePages.Posted(form.values(), FormErrors.refusalKeys(ex, form::fieldOf)), model);
		}
		return "redirect:/admin/machine";
	}

	private String render(String kind, String done, String ref, String error, Long errorArticle,
			GovernancePages.Posted posted, Model model) {
		List<MachineFindings.Flagged> flagged = findings.live(kind);
		List<GovernancePages.MachineRow> rows = flagged.stream()
			.map(f -> new GovernancePages.MachineRow(f.article(), creators.get(f.article().creatorId()).displayName(),
					f.findings(), f.at(),
					f.findings()
						.stream()
						.filter(x -> x.matchedId() != null)
						.collect(Collectors.toMap(Finding::matchedId,
								x -> articles.find(x.matchedId()).map(Article::title).orElse("#" + x.matchedId()),
								(a, b) -> a))))
			.toList();
		model.addAttribute("page",
				new GovernancePages.MachinePage(kind == null || kind.isBlank() ? null : kind,
						MachineFindings.GROUP_ORDER, rows, ArticleReviews.REASON_CODES, done, ref, error, errorArticle,
						rules.communityArticles(), posted));
		return "governance/machine";
	}

}
