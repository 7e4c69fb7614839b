package io.inkstone.governance;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import io.inkstone.shared.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /studio/credit}: the creator's credit score with its history, review outcomes
 * and moderation notices.
 */
@Controller
class StudioGovernanceController {

	private final CreatorCredit credit;

	private final ArticleReviews reviews;

	private final Reports reports;

	private final Creators creators;

	private final UiFactory ui;

	StudioGovernanceController(CreatorCredit credit, ArticleReviews reviews, Reports reports, Creators creators,
			UiFactory ui) {
		this.credit = credit;
		this.reviews = reviews;
		this.reports = reports;
		this.creators = creators;
		this.ui = ui;
	}

	@PostMapping("/studio/reviews/{id}/appeal")
	String appeal(@PathVariable long id, @RequestParam(name = "text", defaultValue = "") String text,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Creator me = creators.signedIn();
		try {
			reviews.appeal(id, text, me.id(), SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			model.addAttribute("error", ui.of(request).message(ex));
			model.addAttribute("page", new GovernancePages.CreditPage(ui.of(request), List.of(), credit.score(me.id()),
					credit.history(me.id()), reviews.decisionsFor(me.id()), reports.decisionsAbout(me.id())));
			return "governance/credit";
		}
		return "redirect:/studio/credit?appealed";
	}

	@GetMapping("/studio/credit")
	String credit(HttpServletRequest request, Model model) {
		Creator me = creators.signedIn();
		model.addAttribute("page", new GovernancePages.CreditPage(ui.of(request), List.of(), credit.score(me.id()),
				credit.history(me.id()), reviews.decisionsFor(me.id()), reports.decisionsAbout(me.id())));
		return "governance/credit";
	}

}
