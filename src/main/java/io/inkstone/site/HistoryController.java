package io.inkstone.site;

import io.inkstone.articles.Articles;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.engagement.ReadingHistory;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.List;

/**
 * 阅读历史: {@code /history} (the list, its switch and 清空), signed-in readers only (see the
 * security rules).
 */
@Controller
class HistoryController {

	private final ReadingHistory history;

	private final Articles articles;

	private final ArticleCards cards;

	HistoryController(ReadingHistory history, Articles articles, ArticleCards cards) {
		this.history = history;
		this.articles = articles;
		this.cards = cards;
	}

	@GetMapping("/history")
	String list(Model model) {
		long account = SignedIn.current().orElseThrow().accountId();
		boolean on = history.enabled(account);
		model.addAttribute("page",
				new Pages.HistoryPage(on, on ? cards.of(articles.summaries(history.of(account))) : List.of()));
		return "history";
	}

	@PostMapping("/history/clear")
	String clear() {
		history.clear(SignedIn.current().orElseThrow().accountId());
		return "redirect:/history";
	}

	@PostMapping("/history/switch")
	String switchTo(@RequestParam(name = "on", defaultValue = "") String on) {
		if (!on.equals("true") && !on.equals("false")) {
			throw new BadRequestException("problem.history.onOrOff");
		}
		history.switchTo(SignedIn.current().orElseThrow().accountId(), on.equals("true"));
		return "redirect:/history";
	}

}
