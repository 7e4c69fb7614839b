package io.inkstone.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticlePictures;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.shared.Picture;
import io.inkstone.shared.PublicUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.stereotype.Component;

/**
 * Every URL in an API answer is absolute, from the configured public address (a client
 * has no base URL); the site's own absolute media addresses a client sends back are
 * stored as the paths the site keeps.
 */
@Component
class ApiLinks {

	private final PublicUrl publicUrl;

	private final ArticlePictures pictures;

	ApiLinks(PublicUrl publicUrl, ArticlePictures pictures) {
		this.publicUrl = publicUrl;
		this.pictures = pictures;
	}

	/**
	 * The article's picture by the one rule of pages, feeds and link previews
	 * ({@link ArticlePictures}: the cover when it is an image of the site's own of at
	 * least 300 px each way, else the body's first such image), absolute; null when it
	 * has none. Never the stored cover as it stands: a row from before the rule may hold
	 * a hot-linked address.
	 */
	String picture(Article article) {
		return pictures.of(article).map(Picture::src).map(this::absolute).orElse(null);
	}

	/** The pictures of a list's articles by id (as {@link #picture}), in one lookup. */
	Map<Long, String> pictures(Collection<ArticleSummary> summaries) {
		Set<String> candidates = new HashSet<>();
		for (ArticleSummary s : summaries) {
			candidates.addAll(ArticlePictures.candidates(s.coverImage(), s.bodyImages()));
		}
		Map<String, Picture> known = candidates.isEmpty() ? Map.of() : pictures.known(candidates);
		Map<Long, String> out = new HashMap<>();
		for (ArticleSummary s : summaries) {
			ArticlePictures.pick(s.coverImage(), s.bodyImages(), known)
				.ifPresent(picture -> out.put(s.id(), absolute(picture.src())));
		}
		return out;
	}

	/** A path on this site made absolute; anything else (or null) unchanged. */
	String absolute(String url) {
		if (url == null || url.isBlank()) {
			return url;
		}
		String stripped = url.strip();
		return stripped.startsWith("/") && !stripped.startsWith("//") ? publicUrl.absolute(stripped) : stripped;
	}

	/** A {@code srcset} ({@code url width, …}) with every URL absolute. */
	String srcset(String srcset) {
		if (srcset == null || srcset.isBlank()) {
			return srcset;
		}
		return Arrays.stream(srcset.split(",")).map(String::strip).map(candidate -> {
			int space = candidate.indexOf(' ');
			return space < 0 ? absolute(candidate)
					: absolute(candidate.substring(0, space)) + candidate.substring(space);
		}).collect(Collectors.joining(", "));
	}

	/** Sanitized body HTML with the site's relative links and images made absolute. */
	String html(String html) {
		if (html == null || html.isEmpty()) {
			return html;
		}
		Document doc = Jsoup.parseBodyFragment(html);
		boolean changed = false;
		for (Element el : doc.select("[src], [href], [srcset]")) {
			for (String attr : new String[] { "src", "href" }) {
				String value = el.attr(attr);
				if (!value.isEmpty() && !value.equals(absolute(value))) {
					el.attr(attr, absolute(value));
					changed = true;
				}
			}
			if (el.hasAttr("srcset")) {
				el.attr("srcset", srcset(el.attr("srcset")));
				changed = true;
			}
		}
		return changed ? doc.body().html() : html;
	}

	/**
	 * An address a client sent back: the site's own absolute media address becomes the
	 * path the site stores (and checks ownership of).
	 */
	String own(String url) {
		if (url == null) {
			return null;
		}
		String prefix = publicUrl.absolute("/media/");
		String stripped = url.strip();
		return stripped.startsWith(prefix) ? stripped.substring(publicUrl.base().length()) : url;
	}

	/** Markdown a client sent: the site's own absolute media addresses as paths. */
	String ownInMarkdown(String markdown) {
		return markdown == null ? null : markdown.replace(publicUrl.absolute("/media/"), "/media/");
	}

}
