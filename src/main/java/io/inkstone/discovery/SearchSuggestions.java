package io.inkstone.discovery;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import io.inkstone.articles.ArticleFeed;
import io.inkstone.articles.ArticleFeedFollower;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ChangedArticle;
import io.inkstone.creators.Creators;
import io.inkstone.shared.InkstoneProperties;

import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.FileSystemUtils;

/**
 * Search suggestions from article titles and creator names (lucene-suggest's
 * AnalyzingInfixSuggester with the search analyzer, so a suggestion matches on any word,
 * traditional or simplified). Rebuilt from the database in the background at start and
 * every hour — which also drops titles of articles no longer public; until the first
 * build finishes there are simply no suggestions. Between builds it follows the
 * {@link ArticleFeed} from where its last build started, so articles published on any
 * node or by the import command become suggestible within seconds, late commits included.
 */
@Component
@Profile("!import")
public class SearchSuggestions implements ArticleFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(SearchSuggestions.class);

	private final Articles articles;

	private final ArticleFeed feed;

	private final Creators creators;

	private final Path directory;

	private final String analyzerName;

	/**
	 * Candidates looked at per suggestion wanted when the text typed begins inside a
	 * word.
	 */
	private static final int INNER_CANDIDATES = 50;

	private volatile AnalyzingInfixSuggester suggester;

	private volatile Spelling spelling;

	SearchSuggestions(Articles articles, ArticleFeed feed, Creators creators, InkstoneProperties properties,
			SearchProperties search) {
		this.articles = articles;
		this.feed = feed;
		this.creators = creators;
		this.directory = properties.dataDir().toAbsolutePath().resolve("suggest");
		this.analyzerName = search.analyzer();
	}

	public record Suggestion(String text, String kind) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildInBackground() {
		Thread builder = new Thread(this::rebuild, "inkstone-suggest-build");
		builder.setDaemon(true);
		builder.start();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 3_600_000)
	synchronized void rebuild() {
		long started = System.nanoTime();
		// changes from here on reach the new build through the feed (an article written
		// meanwhile may come twice)
		long head = feed.head();
		Set<String> withdrawnBefore = Set.copyOf(withdrawn);
		Path target = directory.resolve(Long.toString(System.currentTimeMillis()));
		try {
			Files.createDirectories(target);
			AnalyzingInfixSuggester built = new AnalyzingInfixSuggester(FSDirectory.open(target),
					ChineseAnalysis.analyzer(analyzerName), ChineseAnalysis.analyzer(analyzerName), 1, true);
			Map<Long, String> titles = new ConcurrentHashMap<>();
			built.build(new Entries(titles));
			Spelling spelled = Spelling.build(target.resolve("spell"), new Entries(null));
			AnalyzingInfixSuggester previous = suggester;
			Spelling previousSpelling = spelling;
			suggester = built;
			spelling = spelled;
			suggestedTitles = titles;
			if (previous != null) {
				previous.close();
			}
			if (previousSpelling != null) {
				previousSpelling.close();
			}
			position = Math.max(position, head);
			// the build read public titles only; what was withdrawn while it ran stays
			// out
			withdrawn.removeAll(withdrawnBefore);
			deleteOthers(target);
			log.info("Search suggestions built: {} entries in {} ms", built.getCount(),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search suggestions not rebuilt: {}", ex.toString());
		}
	}

	private void deleteOthers(Path keep) throws IOException {
		try (var children = Files.list(directory)) {
			for (Path child : children.filter(p -> !p.equals(keep)).toList()) {
				FileSystemUtils.deleteRecursively(child);
			}
		}
	}

	private volatile boolean dirty;

	/**
	 * Changed articles waiting to be added, so a newly public article (or a new creator)
	 * becomes suggestible within seconds, without waiting for a rebuild.
	 */
	private final ConcurrentLinkedQueue<Long> changedIds = new ConcurrentLinkedQueue<>();

	/**
	 * Titles of articles that stopped being public (taken down, unpublished, deleted)
	 * since the last build: never suggested, though still in the suggester until the next
	 * rebuild (which reads public titles only). A title public again leaves the set.
	 */
	private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

	/**
	 * The title each public article is suggested under (from the last build, then each
	 * change): an edit that renames an article withdraws its former title, which the
	 * suggester still holds until the next rebuild.
	 */
	private volatile Map<Long, String> suggestedTitles = new ConcurrentHashMap<>();

	private final AtomicInteger queued = new AtomicInteger();

	private volatile boolean flooded;

	/**
	 * Where the suggestions stand in the change feed: the head when the last build
	 * started; -1 before it.
	 */
	private volatile long position = -1;

	@Override
	public String name() {
		return "suggestions";
	}

	@Override
	public long position() {
		return position;
	}

	/**
	 * Queued for the next refresh; a flood (a bulk import catching up) triggers a rebuild
	 * instead.
	 */
	@Override
	public void apply(List<ChangedArticle> changes, long position) {
		for (ChangedArticle changed : changes) {
			if (queued.incrementAndGet() > 2000) {
				flooded = true;
				break;
			}
			changedIds.add(changed.id());
		}
		this.position = position;
	}

	@Scheduled(fixedDelay = 2000, initialDelay = 2000)
	void refresh() {
		AnalyzingInfixSuggester current = suggester;
		if (flooded && current != null) {
			flooded = false;
			changedIds.clear();
			queued.set(0);
			rebuild();
			return;
		}
		Long id;
		List<String> newTitles = new ArrayList<>();
		List<String> newNames = new ArrayList<>();
		while (current != null && (id = changedIds.poll()) != null) {
			queued.decrementAndGet();
			long changedId = id;
			Map<Long, String> titles = suggestedTitles;
			String before = titles.remove(changedId);
			Optional<Article> found = articles.find(changedId);
			if (before != null && !found.map(Article::title).orElse("").equals(before)) {
				withdrawn.add(before); // renamed or gone: its former title is not offered
			}
			found.filter(a -> {
				boolean published = a.articleStatus() == ArticleStatus.PUBLISHED;
				if (published) {
					withdrawn.remove(a.title());
					titles.put(changedId, a.title());
				}
				else {
					withdrawn.add(a.title());
				}
				return published;
			}).ifPresent(a -> {
				try {
					String name = creators.get(a.creatorId()).displayName();
					current.update(new BytesRef(a.title()), null, 1, new BytesRef("title"));
					current.update(new BytesRef(name), null, 2, new BytesRef("creator"));
					dirty = true;
				}
				catch (IOException | RuntimeException ex) {
					log.debug("Suggestion not added: {}", ex.toString());
				}
				newTitles.add(a.title());
				newNames.add(creators.get(a.creatorId()).displayName());
			});
		}
		if (dirty && current != null) {
			dirty = false;
			try {
				current.refresh();
			}
			catch (IOException ex) {
				log.debug("Suggestions not refreshed: {}", ex.toString());
			}
		}
		Spelling spelled = spelling;
		if (spelled != null && !newTitles.isEmpty()) {
			try {
				spelled.add(newTitles, newNames);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Spelling entries not added: {}", ex.toString());
			}
		}
	}

	/**
	 * 你是不是要找: creator names with one character wrong (李百 → 李白: a name that sounds the
	 * same, or of three characters or more one character apart), then titles, title parts
	 * and creator names one or two characters away from what was typed (静夜丝 → 静夜思), or
	 * whose pinyin is a few letters away from the pinyin typed (qinyuanchn → 沁园春); the
	 * most common first. Empty until built and for a query that is itself an entry; a
	 * query of two characters gets names only (too little to tell a typo in a title from
	 * another word).
	 */
	public List<String> didYouMean(String text, int size) {
		Spelling current = spelling;
		String q = text == null ? "" : text.strip();
		if (current == null || q.length() > 50) {
			return List.of();
		}
		return current.didYouMean(q, size).stream().filter(entry -> !withdrawn.contains(entry)).toList();
	}

	/** True when {@code entry} is a creator's name (as of the last build or refresh). */
	public boolean isCreatorName(String entry) {
		Spelling current = spelling;
		return current != null && "creator".equals(current.kind(entry));
	}

	/**
	 * Up to {@code size} titles and names containing the words typed, or whose pinyin
	 * starts as typed; empty until built.
	 */
	public List<Suggestion> suggest(String text, int size) {
		AnalyzingInfixSuggester current = suggester;
		String q = text == null ? "" : text.strip();
		if (current == null || q.isEmpty() || q.length() > 50) {
			return List.of();
		}
		try {
			List<Suggestion> out = new ArrayList<>();
			Set<String> seen = new LinkedHashSet<>();
			Spelling spelled = spelling;
			if (spelled != null) {
				for (String entry : spelled.pinyinPrefix(q, size)) {
					if (!withdrawn.contains(entry) && seen.add(entry)) {
						out.add(new Suggestion(entry, spelled.kind(entry)));
					}
				}
			}
			for (Lookup.LookupResult r : current.lookup(q, size * 2, true, false)) {
				if (out.size() >= size) {
					break;
				}
				String value = r.key.toString();
				if (!withdrawn.contains(value) && seen.add(value)) {
					out.add(new Suggestion(value, r.payload == null ? "title" : r.payload.utf8ToString()));
				}
			}
			if (out.size() < size && q.codePointCount(0, q.length()) > 1
					&& Character.UnicodeScript.of(q.codePointAt(0)) == Character.UnicodeScript.HAN) {
				// the words typed may begin inside a word as the segmenter cut the title
				// (湘妃 in 双调・湘妃怨, cut 湘 / 妃怨): titles and names with a word starting
				// with the first character that hold the whole text typed
				String first = new String(Character.toChars(q.codePointAt(0)));
				for (Lookup.LookupResult r : current.lookup(first, size * INNER_CANDIDATES, true, false)) {
					if (out.size() >= size) {
						break;
					}
					String value = r.key.toString();
					if (value.contains(q) && !withdrawn.contains(value) && seen.add(value)) {
						out.add(new Suggestion(value, r.payload == null ? "title" : r.payload.utf8ToString()));
					}
				}
			}
			return out;
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * Creator names (weight 2) first, then every public title (weight 1), streamed in id
	 * order.
	 */
	private final class Entries implements InputIterator {

		private final Iterator<String> names = creators.displayNames().iterator();

		/** Where the build notes each article's title (null: not noted). */
		private final Map<Long, String> titles;

		Entries(Map<Long, String> titles) {
			this.titles = titles;
		}

		private List<Articles.TitleRow> page = List.of();

		private int index;

		private long afterId;

		private boolean creator;

		private String current;

		@Override
		public BytesRef next() {
			if (names.hasNext()) {
				current = names.next();
				creator = true;
				return new BytesRef(current);
			}
			creator = false;
			if (index >= page.size()) {
				page = articles.publishedTitles(afterId, 5000);
				index = 0;
				if (page.isEmpty()) {
					return null;
				}
				afterId = page.get(page.size() - 1).id();
			}
			Articles.TitleRow row = page.get(index++);
			current = row.title();
			if (titles != null) {
				titles.put(row.id(), current);
			}
			return new BytesRef(current);
		}

		@Override
		public long weight() {
			return creator ? 2 : 1;
		}

		@Override
		public BytesRef payload() {
			return new BytesRef(creator ? "creator" : "title");
		}

		@Override
		public boolean hasPayloads() {
			return true;
		}

		@Override
		public Set<BytesRef> contexts() {
			return null;
		}

		@Override
		public boolean hasContexts() {
			return false;
		}

	}

}
