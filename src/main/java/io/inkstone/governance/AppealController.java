package io.inkstone.governance;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
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

/**
 * The one appeal flow's pages, for every decision whatever its source.
 * {@code /appeals/{id}}: the affected account reads the statement of reasons and appeals
 * once. {@code /admin/appeals}: open appeals; {@code /admin/appeals/{id}}: the decision,
 * the appeal and — for anyone but the decider, who is told so before writing — the form
 * that upholds or reverses it. The older addresses ({@code /studio/reviews/{id}/appeal},
 * {@code /admin/reports/{id}/appeal}, {@code /admin/review/appeals/{id}}) carry the same
 * decision ids and are handled here by the same code.
 */
@Controller
class AppealController {

	/** The refusal of an appeal's text, shown at the text field. */
	private static final String EXPLAIN_APPEAL = "problem.governance.explainYourAppeal";

	/** The refusal of an appeal decision's note, shown at the note field. */
	private static final String REASON_REQUIRED = "problem.governance.aReasonIsRequired";

	private final ModerationDecisions decisions;

	private final Articles articles;

	private final Comments comments;

	private final Creators creators;

	private final UiFactory ui;

	AppealController(ModerationDecisions decisions, Articles articles, Comments comments, Creators creators,
			UiFactory ui) {
		this.decisions = decisions;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.ui = ui;
	}

	private ModerationDecision mine(long id) {
		ModerationDecision d = decisions.find(id).orElseThrow(() -> new NotFoundException("no such decision"));
		if (!decisions.affects(d, SignedIn.current().orElseThrow().accountId())) {
			throw new NotFoundException("no such decision");
		}
		return d;
	}

	private String subject(ModerationDecision d) {
		return switch (d.subjectType()) {
			case "comment" -> "#" + d.subjectId();
			case "creator" -> creators.get(d.subjectId()).displayName();
			default -> articles.find(d.subjectId()).map(Article::title).orElse("#" + d.subjectId());
		};
	}

	@GetMapping("/appeals/{id}")
	String show(@PathVariable long id, Model model) {
		ModerationDecision d = mine(id);
		model.addAttribute("page", new GovernancePages.Appeal(d, subject(d)));
		return "governance/appeal";
	}

	@PostMapping({ "/appeals/{id}", "/studio/reviews/{id}/appeal" })
	String appeal(@PathVariable long id, @Valid AppealForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ModerationDecision d = mine(id);
		if (!"none".equals(d.appealStatus())) {
			// appealed already (a second submit, or Back): the page says where it stands
			return "redirect:/appeals/" + id;
		}
		try {
			decisions.appeal(id, form.text(), SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			String message = ui.of(request).message(ex);
			boolean aboutText = EXPLAIN_APPEAL.equals(ex.messageKey());
			model.addAttribute("page", new GovernancePages.Appeal(d, subject(d), aboutText ? null : message,
					form.text(), aboutText ? message : null));
			return "governance/appeal";
		}
		return "redirect:/appeals/" + id;
	}

	@GetMapping("/admin/appeals")
	String queue(@RequestParam(name = "done", required = false) Long done, Model model) {
		// confirms from what is stored: the appeal's outcome as recorded
		GovernancePages.Done confirmation = done == null ? null
				: decisions.find(done)
					.filter(d -> "upheld".equals(d.appealStatus()) || "reversed".equals(d.appealStatus()))
					.map(d -> new GovernancePages.Done(d.ref(), d.appealStatus()))
					.orElse(null);
		model.addAttribute("page", new GovernancePages.AppealQueue(decisions.openAppeals(), confirmation));
		return "governance/appeal-queue";
	}

	@GetMapping("/admin/appeals/{id}")
	String detail(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(decisions.get(id), null, new AppealDecisionForm(null, null), Map.of(), request, model);
	}

	@PostMapping({ "/admin/appeals/{id}", "/admin/reports/{id}/appeal", "/admin/review/appeals/{id}" })
	String decide(@PathVariable long id, @Valid AppealDecisionForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		ModerationDecision d = decisions.get(id);
		if ("upheld".equals(d.appealStatus()) || "reversed".equals(d.appealStatus())) {
			// decided already (a second submit, or Back): say what was decided
			return "redirect:/admin/appeals?done=" + id;
		}
		Map<String, String> errors = FormErrors.of(binding);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return detail(d, null, form, errors, request, model);
		}
		try {
			decisions.decideAppeal(id, form.reverse(), form.note(), SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			if (REASON_REQUIRED.equals(ex.messageKey())) {
				return detail(d, null, form, Map.of("note", REASON_REQUIRED), request, model);
			}
			return detail(d, ui.of(request).message(ex), form, Map.of(), request, model);
		}
		return "redirect:/admin/appeals?done=" + id;
	}

	private String detail(ModerationDecision d, String error, AppealDecisionForm form, Map<String, String> errors,
			HttpServletRequest request, Model model) {
		String text = switch (d.subjectType()) {
			case "comment" -> comments.textOf(d.subjectId());
			case "creator" -> {
				String tagline = creators.get(d.subjectId()).tagline();
				yield tagline == null ? "" : tagline;
			}
			default -> articles.find(d.subjectId()).map(Article::bodyMarkdown).orElse("");
		};
		boolean mayDecide = AppealRules.mayDecide(d, SignedIn.current().orElseThrow().accountId());
		model.addAttribute("page", new GovernancePages.AppealReview(d, subject(d), text, mayDecide, error,
				form.outcome(), form.note(), errors));
		return "governance/appeal-review";
	}

}
