package io.inkstone.governance;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	AdminReportsController(Reports reports, Articles articles, Comments comments, Creators creators,
			ModerationDecisions decisions, UiFactory ui) {
		this.decisions = decisions;
		this.reports = reports;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.ui = ui;
	}

	@GetMapping("/admin/reports")
	String queue(@RequestParam(name = "reason", required = false) String reason, HttpServletRequest request,
			Model model) {
		String filter = reason == null || ReportReason.parse(reason).isEmpty() ? null : reason;
		model.addAttribute("page", new GovernancePages.Queue(ui.of(request), List.of(), reports.queue(filter),
				decisions.openAppeals(Set.of(ModerationDecision.REPORT, ModerationDecision.COPYRIGHT)), filter));
		return "governance/queue";
	}

	@GetMapping("/admin/reports/{id}")
	String detail(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(reports.get(id), null, request, model);
	}

	@PostMapping("/admin/reports/{id}/decide")
	String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
			@RequestParam(name = "rule", defaultValue = "") String rule,
			@RequestParam(name = "statement", defaultValue = "") String statement, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Decision d = Decision.parse(decision)
				.orElseThrow(() -> new BadRequestException("problem.governance.chooseADecision"));
			reports.decide(id, d, rule, statement, SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return detail(reports.get(id), ui.of(request).message(ex), request, model);
		}
		return "redirect:/admin/reports";
	}

	private String detail(Report report, String error, HttpServletRequest request, Model model) {
		String title;
		String text;
		switch (report.targetType()) {
			case "article" -> {
				var article = articles.find(report.targetId()).orElse(null);
				title = article == null ? "?" : article.title() + "（" + article.status() + "）";
				text = article == null ? "" : article.bodyMarkdown();
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
		List<String> decisions = Arrays.stream(Decision.values())
			.filter(d -> d.fits(report.targetType()))
			.map(Decision::code)
			.toList();
		model.addAttribute("page",
				new GovernancePages.ReportDetail(ui.of(request), List.of(), report, title, text, error, decisions));
		return "governance/detail";
	}

}
