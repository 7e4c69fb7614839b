package io.inkstone.site;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.Slice;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /creators/{handle}}: profile, true counts, follow, all articles in keyset pages. */
@Controller
class CreatorPageController {

	static final int PAGE_SIZE = 20;

	private final Creators creators;

	private final Articles articles;

	private final ArticleCards cards;

	private final SiteParts parts;

	private final UiFactory ui;

	private final io.inkstone.governance.ComplianceProfile compliance;

	private final io.inkstone.creators.CreatorApplications applications;

	CreatorPageController(Creators creators, Articles articles, ArticleCards cards, SiteParts parts, UiFactory ui,
			io.inkstone.governance.ComplianceProfile compliance, io.inkstone.creators.CreatorApplications applications) {
		this.compliance = compliance;
		this.applications = applications;
		this.creators = creators;
		this.articles = articles;
		this.cards = cards;
		this.parts = parts;
		this.ui = ui;
	}

	@GetMapping("/creators/{handle}")
	String show(@PathVariable String handle, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "p", required = false) String p, HttpServletRequest request, Model model) {
		Creator creator = creators.get(handle);
		Cursor cursor = Cursor.parse(after);
		Slice<ArticleSummary> page = articles.latestByCreator(creator.id(), cursor, PAGE_SIZE);
		model.addAttribute("page", new Pages.CreatorPage(ui.of(request), parts.nav(),
				parts.card(creator, io.inkstone.web.SharedPage.is(request) ? null : ReaderKey.of(request), 0), cards.of(page.items()),
				page.hasNext() ? page.next().encode() : null, cursor == Cursor.START,
				compliance.on("org-disclosure") ? applications.organisationOf(creator.id()).orElse(null) : null,
				Pages.pageNumber(after, p)));
		return "creators/show";
	}

	@PostMapping("/creators/{handle}/follow")
	String follow(@PathVariable String handle, @RequestParam(name = "back", defaultValue = "") String back,
			HttpServletRequest request) {
		creators.follow(ReaderKey.of(request), handle);
		return "redirect:" + back(back, handle);
	}

	@PostMapping("/creators/{handle}/unfollow")
	String unfollow(@PathVariable String handle, @RequestParam(name = "back", defaultValue = "") String back,
			HttpServletRequest request) {
		creators.unfollow(ReaderKey.of(request), handle);
		return "redirect:" + back(back, handle);
	}

	/** Back to the page the button was on, if it is one of ours; else the creator page. */
	private static String back(String back, String handle) {
		if (Pages.isLocalPath(back)) {
			return back;
		}
		return "/creators/" + org.springframework.web.util.UriUtils.encodePathSegment(handle,
				java.nio.charset.StandardCharsets.UTF_8);
	}

}
