package io.inkstone.site;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.Slice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.creators.Creator;
import java.util.Comparator;
import java.util.Objects;

/**
 * {@code /following} (关注): new articles from the creators this reader follows, newest
 * first.
 */
@Controller
class FollowingController {

	private final Creators creators;

	private final Articles articles;

	private final ArticleCards cards;

	FollowingController(Creators creators, Articles articles, ArticleCards cards) {
		this.creators = creators;
		this.articles = articles;
		this.cards = cards;
	}

	@GetMapping("/following")
	String following(@RequestParam(name = "after", required = false) String after, HttpServletRequest request,
			Model model) {
		var followed = creators.followedBy(ReaderKey.of(request));
		Slice<ArticleSummary> page = articles.latestByCreators(followed, Cursor.parse(after), 20);
		var byId = creators.getAll(followed);
		var who = followed.stream()
			.map(byId::get)
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(Creator::displayName))
			.toList();
		model.addAttribute("page", new Pages.FollowingPage(followed.size(), cards.of(page.items()),
				page.hasNext() ? page.next().encode() : null, who));
		return "following";
	}

}
