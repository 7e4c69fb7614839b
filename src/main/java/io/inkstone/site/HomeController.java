package io.inkstone.site;

import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.discovery.ArticleCard;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.discovery.HotList;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.shared.Slice;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /}: headlines, hot list, original-content tabs and the latest articles (keyset
 * pages).
 */
@Controller
class HomeController {

	static final int PAGE_SIZE = 20;

	private final Articles articles;

	private final Channels channels;

	private final HotList hot;

	private final ArticleCards cards;

	private final SiteParts parts;

	private final UiFactory ui;

	private final InkstoneProperties properties;

	HomeController(Articles articles, Channels channels, HotList hot, ArticleCards cards, SiteParts parts, UiFactory ui,
			InkstoneProperties properties) {
		this.articles = articles;
		this.channels = channels;
		this.hot = hot;
		this.cards = cards;
		this.parts = parts;
		this.ui = ui;
		this.properties = properties;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "p", required = false) String p, HttpServletRequest request, Model model) {
		Ui u = ui.of(request);
		Slice<ArticleSummary> latest = articles.latest(Cursor.parse(after), PAGE_SIZE);
		List<Pages.OriginalTab> originals = new ArrayList<>();
		for (String slug : properties.channels().originalTabs()) {
			channels.find(slug).ifPresent(channel -> {
				List<ArticleSummary> items = articles.latestOriginalInChannel(channel.id(), 6);
				if (!items.isEmpty()) {
					originals.add(new Pages.OriginalTab(channel, cards.of(items)));
				}
			});
		}
		model.addAttribute("page",
				new Pages.HomePage(u.care() ? "" : parts.headlinesHtml(u), hot.site(10), originals,
						after == null ? leadFirst(cards.of(latest.items())) : cards.of(latest.items()),
						latest.hasNext() ? latest.next().encode() : null, Pages.pageNumber(after, p)));
		return "home";
	}

	/**
	 * The lead story is the newest article with a picture (the rest keep their order);
	 * when none of them has one, the newest leads as text.
	 */
	static List<ArticleCard> leadFirst(List<ArticleCard> cards) {
		for (int i = 1; i < cards.size(); i++) {
			if (cards.get(i).picture() != null) {
				if (cards.get(0).picture() != null) {
					return cards;
				}
				List<ArticleCard> reordered = new ArrayList<>(cards.size());
				reordered.add(cards.get(i));
				for (int j = 0; j < cards.size(); j++) {
					if (j != i) {
						reordered.add(cards.get(j));
					}
				}
				return reordered;
			}
		}
		return cards;
	}

	@GetMapping("/channels/{slug}")
	Object channel(@PathVariable String slug, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "p", required = false) String p, HttpServletRequest request, Model model) {
		Optional<String> merged = channels.mergedInto(slug);
		if (merged.isPresent()) {
			// merged into another channel by an admin: its address moved for good
			RedirectView moved = new RedirectView("/channels/" + Pages.pathSegment(merged.get()), false, false);
			moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return moved;
		}
		Channel channel = channels.get(slug);
		Slice<ArticleSummary> page = articles.latestInChannel(channel.id(), Cursor.parse(after), PAGE_SIZE);
		Ui u = ui.of(request);
		model.addAttribute("page",
				new Pages.ChannelPage(channel, cards.of(page.items()), page.hasNext() ? page.next().encode() : null,
						hot.channel(channel.id(), 10, Set.of()), u.care() ? "" : parts.headlinesHtml(u),
						Pages.pageNumber(after, p)));
		return "channels/show";
	}

}
