package io.inkstone.discovery;

import io.inkstone.shared.InkstoneProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /algorithms}: how the hot list, related articles and search rank, in plain
 * words. Every number on the page is read from the running configuration or the code's
 * constants, so the page cannot drift from what the code does.
 */
@Controller
class AlgorithmsController {

	private final InkstoneProperties properties;

	private final HotOverrides overrides;

	private final Articles articles;

	private final Channels channels;

	private final RelatedArticles related;

	AlgorithmsController(InkstoneProperties properties, HotOverrides overrides, Articles articles, Channels channels,
			RelatedArticles related) {
		this.related = related;
		this.channels = channels;
		this.overrides = overrides;
		this.articles = articles;
		this.properties = properties;
	}

	/**
	 * Channel name → half-life in hours, for the channels whose half-life differs from
	 * the site's.
	 */
	private Map<String, Double> channelHalfLives(InkstoneProperties.Hot hot) {
		Map<String, Double> out = new LinkedHashMap<>();
		for (Channel c : channels.all()) {
			Duration d = hot.halfLifeOf(c.slug());
			if (!d.equals(hot.halfLife())) {
				out.put(c.name(), d.toMinutes() / 60.0);
			}
		}
		return out;
	}

	@GetMapping("/algorithms")
	String disclosure(Model model) {
		InkstoneProperties.Hot hot = properties.hot();
		model.addAttribute("page",
				new AlgorithmDisclosure(hot.halfLife().toMinutes() / 60.0, hot.readWeight(), hot.shareWeight(),
						hot.likeWeight(), hot.publishWeight(), RelatedArticles.MAX_PER_CREATOR,
						LuceneSearchIndex.TITLE_BOOST, HotList.CANDIDATES,
						overrides.active()
							.stream()
							.map(o -> new HotAdminPage.Intervention(o,
									articles.find(o.articleId()).map(a -> a.title()).orElse("#" + o.articleId())))
							.toList(),
						channelHalfLives(hot), Math.round(related.freshnessWeight() * 100),
						related.freshnessHalfLife().toHours() / 24.0));
		return "discovery/algorithms";
	}

}
