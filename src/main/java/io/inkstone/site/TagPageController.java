package io.inkstone.site;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.Slice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.List;

/**
 * {@code /tags/{tag}}: the public articles carrying a tag, newest first, in keyset pages
 * like a channel.
 */
@Controller
class TagPageController {

	static final int PAGE_SIZE = 20;

	private final Articles articles;

	private final ArticleCards cards;

	private final PublicUrl publicUrl;

	TagPageController(Articles articles, ArticleCards cards, PublicUrl publicUrl) {
		this.articles = articles;
		this.cards = cards;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/tags/{tag}")
	String show(@PathVariable String tag, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "p", required = false) String p, Model model) {
		String name = tag.strip();
		Cursor cursor = Cursor.parse(after);
		Slice<ArticleSummary> page = name.isEmpty() || name.length() > 100 ? new Slice<>(List.of(), null)
				: articles.latestWithTag(name, cursor, PAGE_SIZE);
		if (page.items().isEmpty() && cursor == Cursor.START) {
			throw new NotFoundException("problem.site.noArticlesWithThisTag");
		}
		model.addAttribute("page",
				new Pages.TagPage(name, cards.of(page.items()), page.hasNext() ? page.next().encode() : null,
						cursor == Cursor.START, publicUrl.absolute(Pages.tagPath(name)), Pages.pageNumber(after, p)));
		return "tags/show";
	}

}
