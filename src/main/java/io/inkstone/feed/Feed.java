package io.inkstone.feed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.ArticleCards;
import io.inkstone.discovery.HotList;
import io.inkstone.discovery.RelatedArticles;
import io.inkstone.shared.Cursor;

import org.springframework.stereotype.Service;

/**
 * Composes the 推荐 feed. Personalised: followed creators' new articles, the newest
 * articles in the reader's strongest interest channels, articles related to the latest
 * read — interleaved with hot and fresh items for exploration. Not personalised: newest
 * and hot only. Each item carries its reason.
 */
@Service
public class Feed {

	static final int SIZE = 30;

	private final Interests interests;

	private final Articles articles;

	private final ArticleCards cards;

	private final Creators creators;

	private final Channels channels;

	private final HotList hot;

	private final RelatedArticles related;

	Feed(Interests interests, Articles articles, ArticleCards cards, Creators creators, Channels channels, HotList hot,
			RelatedArticles related) {
		this.interests = interests;
		this.articles = articles;
		this.cards = cards;
		this.creators = creators;
		this.channels = channels;
		this.hot = hot;
		this.related = related;
	}

	public List<FeedItem> forReader(long accountId, String readerKey) {
		List<List<FeedItem>> sources = new ArrayList<>();
		sources.add(hot.site(8).stream().map(c -> new FeedItem(c, "feed.why.hot", null)).toList());
		sources.add(cards.of(articles.latest(Cursor.START, 10).items())
			.stream()
			.map(c -> new FeedItem(c, "feed.why.newest", null))
			.toList());
		Long lastRead = null;
		if (interests.personalised(accountId)) {
			List<Long> followed = creators.followedBy(readerKey);
			if (!followed.isEmpty()) {
				sources.add(0,
						cards.of(articles.latestByCreators(followed, Cursor.START, 10).items())
							.stream()
							.map(c -> new FeedItem(c, "feed.why.following", c.creatorName()))
							.toList());
			}
			lastRead = interests.lastRead(accountId);
			if (lastRead != null) {
				String title = articles.find(lastRead).map(a -> a.title()).orElse("");
				sources.add(1,
						related.forArticle(lastRead, 6)
							.stream()
							.map(c -> new FeedItem(c, "feed.why.related", title))
							.toList());
			}
			Map<String, Channel> byName = new LinkedHashMap<>();
			channels.all().forEach(c -> byName.put(c.name(), c));
			List<FeedItem> byInterest = new ArrayList<>();
			interests.of(accountId)
				.stream()
				.filter(i -> i.kind().equals("channel") && byName.containsKey(i.tag()))
				.limit(3)
				.forEach(i -> cards.of(articles.latestInChannel(byName.get(i.tag()).id(), Cursor.START, 5).items())
					.forEach(c -> byInterest.add(new FeedItem(c, "feed.why.interest", i.tag()))));
			sources.add(Math.min(2, sources.size()), byInterest);
		}
		return interleave(sources, lastRead);
	}

	/** One from each source in turn, skipping repeats and the article just read. */
	static List<FeedItem> interleave(List<List<FeedItem>> sources, Long exclude) {
		List<Iterator<FeedItem>> iterators = sources.stream().map(List::iterator).toList();
		Set<Long> seen = new HashSet<>();
		if (exclude != null) {
			seen.add(exclude);
		}
		List<FeedItem> out = new ArrayList<>();
		boolean progress = true;
		while (out.size() < SIZE && progress) {
			progress = false;
			for (Iterator<FeedItem> it : iterators) {
				while (it.hasNext()) {
					FeedItem item = it.next();
					if (seen.add(item.card().article().id())) {
						out.add(item);
						progress = true;
						break;
					}
				}
				if (out.size() == SIZE) {
					break;
				}
			}
		}
		return out;
	}

}
