package io.inkstone.site;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.ArticleCard;
import io.inkstone.discovery.HotList;
import io.inkstone.web.ChannelStrip;
import io.inkstone.web.Ui;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import io.inkstone.creators.IpRegions;
import io.inkstone.governance.ComplianceProfile;

/**
 * Parts shared by several pages: the channel navigation (only channels with content), the
 * headline blocks (a rendered-HTML fragment cache, dropped whenever content changes) and
 * creator cards.
 */
@Component
class SiteParts implements ChannelStrip.Source {

	static final int HEADLINE_SIZE = 4;

	private final Articles articles;

	private final Channels channels;

	private final Creators creators;

	private final HotList hot;

	private final TemplateEngine templates;

	/**
	 * Rendered headline HTML per language and mode, and the hot-list version it shows.
	 */
	private record Fragment(int hotVersion, long builtAt, String html) {
	}

	private static final long FRAGMENT_MAX_AGE_MS = 5_000;

	private final Map<String, Fragment> headlineFragments = new ConcurrentHashMap<>();

	private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

	private final ComplianceProfile compliance;

	private final Clock clock;

	SiteParts(Articles articles, Channels channels, Creators creators, HotList hot, TemplateEngine templates,
			ComplianceProfile compliance, Clock clock) {
		this.clock = clock;
		this.compliance = compliance;
		this.articles = articles;
		this.channels = channels;
		this.creators = creators;
		this.hot = hot;
		this.templates = templates;
	}

	/**
	 * Channels that have published articles, in channel order: empty channels and those
	 * an admin hid are never shown.
	 */
	List<Channel> nav() {
		List<Channel> all = channels.visible();
		Set<Long> withContent = articles.channelsWithContent(all.stream().map(Channel::id).toList());
		return all.stream().filter(c -> withContent.contains(c.id())).toList();
	}

	/** The channel strip: {@link #nav()} as links. */
	@Override
	public List<ChannelStrip.Link> links() {
		return nav().stream().map(c -> new ChannelStrip.Link(c.slug(), c.name())).toList();
	}

	/**
	 * The headline blocks as HTML. When the hot list moves on (every few seconds under
	 * traffic) the fragment is rebuilt in the background while readers keep getting the
	 * previous one, so no request waits for it; after an article changes (a take-down
	 * must leave at once) the next request rebuilds it before answering.
	 */
	String headlinesHtml(Ui ui) {
		String key = ui.lang() + ':' + ui.mode();
		int version = hot.version();
		Fragment current = headlineFragments.get(key);
		if (current == null) {
			return headlineFragments.computeIfAbsent(key, k -> buildHeadlines(ui, version)).html();
		}
		boolean outdated = current.hotVersion() != version || clock.millis() - current.builtAt() > FRAGMENT_MAX_AGE_MS;
		if (outdated && rebuilding.add(key)) {
			CompletableFuture.runAsync(() -> {
				try {
					headlineFragments.replace(key, current, buildHeadlines(ui, version));
				}
				finally {
					rebuilding.remove(key);
				}
			});
		}
		return current.html();
	}

	private Fragment buildHeadlines(Ui ui, int version) {
		StringOutput out = new StringOutput();
		templates.render("components/headlines.jte", new Pages.Headlines(ui, headlineBlocks(ui)), out);
		return new Fragment(version, clock.millis(), out.toString());
	}

	/**
	 * 要闻 first (the site's hottest), then each channel's hottest; no article appears
	 * twice.
	 */
	List<HeadlineBlock> headlineBlocks(Ui ui) {
		Set<Long> used = new HashSet<>();
		List<HeadlineBlock> blocks = new ArrayList<>();
		List<ArticleCard> top = hot.site(HEADLINE_SIZE + 1, used);
		top.forEach(c -> used.add(c.article().id()));
		if (!top.isEmpty()) {
			blocks.add(new HeadlineBlock(null, ui.t("headlines.top"), top));
		}
		for (Channel channel : nav()) {
			List<ArticleCard> items = hot.channel(channel.id(), HEADLINE_SIZE, used);
			if (!items.isEmpty()) {
				items.forEach(c -> used.add(c.article().id()));
				blocks.add(new HeadlineBlock(channel.slug(), channel.name(), items));
			}
		}
		return blocks;
	}

	CreatorCard card(Creator creator, String readerKey, int recent) {
		List<ArticleSummary> latest = recent == 0 ? List.of() : articles.recentByCreator(creator.id(), recent);
		return new CreatorCard(creator, articles.countByCreator(creator.id()), creators.followerCount(creator.id()),
				readerKey != null && creators.isFollowing(readerKey, creator.id()), latest, ipRegionShown(creator),
				readerKey != null && creators.isSelf(creator));
	}

	/**
	 * IP属地 where the compliance profile asks for it: the recorded region, 未知 when none
	 * was recorded.
	 */
	private String ipRegionShown(Creator creator) {
		if (!compliance.on("ip-location")) {
			return null;
		}
		return creator.region() == null || creator.region().isBlank() ? IpRegions.UNKNOWN : creator.region();
	}

	@EventListener
	void on(ArticleChangeCommitted changed) {
		headlineFragments.clear();
	}

}
