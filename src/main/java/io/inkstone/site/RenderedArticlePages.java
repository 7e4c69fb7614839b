package io.inkstone.site;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import io.inkstone.articles.Article;
import io.inkstone.articles.Correction;
import io.inkstone.channels.Channel;
import io.inkstone.discovery.ArticleCard;
import io.inkstone.engagement.Counts;
import io.inkstone.web.ChannelStrip;
import io.inkstone.web.PageChrome;
import io.inkstone.web.Ui;

import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;

/**
 * Rendered article pages for readers who are not signed in, with holes for what differs
 * from request to request: the CSRF token (masked afresh for every request) and the read
 * and share counts (which change with every new reader). Everything else the page shows
 * is the cache key, so any change — an edit, a comment, a new hot list or related list,
 * another language, mode or path — is simply another entry and nothing needs
 * invalidating. Template rendering was ~40% of an article view's CPU (JFR,
 * bench/README.md). Signed-in readers are rendered every time: their pages carry their
 * name and their own state.
 */
@Component
class RenderedArticlePages {

	static final String TEMPLATE = "articles/show.jte";

	/**
	 * Stand-ins for the holes, drawn afresh (128 random bits) for every render that fills
	 * the cache, and used only to find the holes' positions in that render's output: user
	 * content stored before cannot contain them. A fixed marker could be written into an
	 * article (an image URL carrying it sent every reader's CSRF token to a third party).
	 */
	record Markers(String csrf, long reads, long shares) {

		private static final SecureRandom RANDOM = new SecureRandom();

		static Markers fresh() {
			byte[] bytes = new byte[16];
			RANDOM.nextBytes(bytes);
			// counts far above any real one, random in their low digits; both formats
			// (1234 and 1.2万) stay unique
			long base = 9_000_000_000_000_000L;
			return new Markers("h" + HexFormat.of().formatHex(bytes), base + RANDOM.nextLong(1L << 50),
					base + RANDOM.nextLong(1L << 50));
		}

	}

	/**
	 * Everything a page shows except the holes and the reader's account: the cache key,
	 * and (with those) the ETag. The mode is kept by name so the key's hash, and with it
	 * the ETag, is the same on every node.
	 */
	record Key(List<ChannelStrip.Link> nav, Article article, Channel channel, CreatorCard card, boolean shared,
			String shareUrl, String disclaimer, List<ArticleCard> related, List<ArticleCard> hot, String headlinesHtml,
			Pages.CommentsView comments, List<Correction> corrections, boolean aiSuspected, String jsonLd,
			Locale locale, String mode, String path, String csrfParameter, String siteName, Pages.LinkPreview preview) {

		static Key of(Pages.ArticlePage page, Ui ui, List<ChannelStrip.Link> nav) {
			return new Key(nav, page.article(), page.channel(), page.card(), page.shared(), page.shareUrl(),
					page.disclaimer(), page.related(), page.hot(), page.headlinesHtml(), page.comments(),
					page.corrections(), page.aiSuspected(), page.jsonLd(), ui.locale(), ui.mode().name(), ui.path(),
					ui.csrfName(), ui.siteName(), page.preview());
		}

	}

	private final TemplateEngine templates;

	/** What fills a hole. */
	enum Hole {

		CSRF, READS, SHARES

	}

	/**
	 * A rendered page cut at its holes, as UTF-8: serving it copies bytes and encodes
	 * three short values, instead of searching and re-encoding 20 KB of mostly Chinese
	 * text per request.
	 */
	record Cut(byte[][] parts, Hole[] holes) {

		int size() {
			int size = 0;
			for (byte[] part : parts) {
				size += part.length;
			}
			return size;
		}

	}

	private final Cache<Key, Cut> pages = Caffeine.newBuilder()
		.maximumWeight(48L * 1024 * 1024)
		.weigher((Key key, Cut cut) -> cut.size() + 2 * key.article().bodyHtml().length())
		.build();

	RenderedArticlePages(TemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The page as UTF-8 HTML, with this request's chrome; {@code key} is {@link Key#of}
	 * the page.
	 */
	byte[] render(Pages.ArticlePage page, Ui ui, List<ChannelStrip.Link> nav, Key key) {
		if (ui.account() != null || ui.csrf() == null) {
			return renderNow(page, ui, nav).getBytes(StandardCharsets.UTF_8);
		}
		Cut cut = pages.get(key, k -> {
			Markers markers = Markers.fresh();
			return cut(renderNow(withHoles(page, markers), withHoles(ui, markers), nav), ui, markers);
		});
		return fill(cut, ui, page.counts());
	}

	/** Cuts the rendered page at every hole. */
	static Cut cut(String html, Ui ui, Markers rendered) {
		TreeMap<Integer, Hole> at = new TreeMap<>();
		Map<Hole, String> markers = Map.of(Hole.CSRF, rendered.csrf(), Hole.READS, ui.count(rendered.reads()),
				Hole.SHARES, ui.count(rendered.shares()));
		markers.forEach((hole, marker) -> {
			for (int i = html.indexOf(marker); i >= 0; i = html.indexOf(marker, i + marker.length())) {
				at.put(i, hole);
			}
		});
		List<byte[]> parts = new ArrayList<>();
		int from = 0;
		for (var hole : at.entrySet()) {
			parts.add(html.substring(from, hole.getKey()).getBytes(StandardCharsets.UTF_8));
			from = hole.getKey() + markers.get(hole.getValue()).length();
		}
		parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
		return new Cut(parts.toArray(byte[][]::new), at.values().toArray(Hole[]::new));
	}

	/**
	 * The page for this request: the cut page with this reader's token and the current
	 * counts in its holes.
	 */
	static byte[] fill(Cut cut, Ui ui, Counts counts) {
		byte[] token = ui.csrfToken().getBytes(StandardCharsets.UTF_8);
		byte[] reads = ui.count(counts.reads()).getBytes(StandardCharsets.UTF_8);
		byte[] shares = ui.count(counts.shares()).getBytes(StandardCharsets.UTF_8);
		byte[][] values = new byte[cut.holes().length][];
		int size = cut.size();
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (cut.holes()[i]) {
				case CSRF -> token;
				case READS -> reads;
				case SHARES -> shares;
			};
			size += values[i].length;
		}
		byte[] page = new byte[size];
		int at = 0;
		for (int i = 0; i < cut.parts().length; i++) {
			System.arraycopy(cut.parts()[i], 0, page, at, cut.parts()[i].length);
			at += cut.parts()[i].length;
			if (i < values.length) {
				System.arraycopy(values[i], 0, page, at, values[i].length);
				at += values[i].length;
			}
		}
		return page;
	}

	private static Pages.ArticlePage withHoles(Pages.ArticlePage page, Markers markers) {
		return new Pages.ArticlePage(page.article(), page.channel(), page.card(),
				new Counts(markers.reads(), markers.shares()), page.shared(), page.shareUrl(), page.disclaimer(),
				page.related(), page.hot(), page.headlinesHtml(), page.comments(), page.corrections(),
				page.aiSuspected(), page.jsonLd(), page.preview());
	}

	/** The chrome of a page shared by anonymous readers, with the token's marker. */
	private static Ui withHoles(Ui ui, Markers markers) {
		return new Ui(ui.messages(), ui.locale(), ui.mode(),
				new DefaultCsrfToken(ui.csrf().getHeaderName(), ui.csrf().getParameterName(), markers.csrf()),
				ui.path(), ui.siteName(), null, ui.footer());
	}

	private String renderNow(Pages.ArticlePage page, Ui ui, List<ChannelStrip.Link> nav) {
		StringOutput output = new StringOutput(32 * 1024);
		templates.render(TEMPLATE, Map.of("page", page, PageChrome.UI, ui, PageChrome.NAV, ChannelStrip.of(nav)),
				output);
		return output.toString();
	}

}
