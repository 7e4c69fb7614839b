package io.inkstone.governance;

import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /studio/credit}: the creator's credit score with its history, review outcomes
 * and moderation notices.
 */
@Controller
class StudioGovernanceController {

	private final CreatorCredit credit;

	private final ArticleReviews reviews;

	private final ModerationDecisions decisions;

	private final Creators creators;

	StudioGovernanceController(CreatorCredit credit, ArticleReviews reviews, ModerationDecisions decisions,
			Creators creators) {
		this.credit = credit;
		this.reviews = reviews;
		this.decisions = decisions;
		this.creators = creators;
	}

	@GetMapping("/studio/credit")
	String credit(Model model) {
		Creator me = creators.signedIn();
		model.addAttribute("page", new GovernancePages.CreditPage(credit.score(me.id()), credit.history(me.id()),
				reviews.decisionsFor(me.id()), decisions.noticesAbout(me.id())));
		return "governance/credit";
	}

}
