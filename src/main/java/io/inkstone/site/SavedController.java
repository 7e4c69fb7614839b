package io.inkstone.site;

import io.inkstone.articles.Articles;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.engagement.SavedArticles;
import io.inkstone.shared.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 收藏: {@code POST /articles/{id}/save} and {@code /unsave} (signed in, from the article
 * page) and {@code /saved}, the list. Personal pages only; the security rules require an
 * account.
 */
@Controller
class SavedController {

	private final SavedArticles saved;

	private final Articles articles;

	private final ArticleCards cards;

	SavedController(SavedArticles saved, Articles articles, ArticleCards cards) {
		this.saved = saved;
		this.articles = articles;
		this.cards = cards;
	}

	@GetMapping("/saved")
	String list(Model model) {
		long account = SignedIn.current().orElseThrow().accountId();
		model.addAttribute("page", new Pages.SavedPage(cards.of(articles.summaries(saved.of(account)))));
		return "saved";
	}

	@PostMapping("/articles/{id}/save")
	String save(@PathVariable long id, @RequestParam(name = "back", defaultValue = "") String back) {
		articles.getPublished(id); // 404 or 410 for anything not public
		saved.save(SignedIn.current().orElseThrow().accountId(), id);
		return "redirect:" + back(back, id);
	}

	@PostMapping("/articles/{id}/unsave")
	String unsave(@PathVariable long id, @RequestParam(name = "back", defaultValue = "") String back) {
		saved.unsave(SignedIn.current().orElseThrow().accountId(), id);
		return "redirect:" + back(back, id);
	}

	private static String back(String back, long id) {
		return Pages.isLocalPath(back) ? back : "/articles/" + id;
	}

}
