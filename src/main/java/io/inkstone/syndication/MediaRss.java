package io.inkstone.syndication;

import java.util.List;

import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Media RSS ({@code media:content}, https://www.rssboard.org/media-rss) for a feed item's
 * picture, as ROME foreign markup.
 */
final class MediaRss {

	static final Namespace NS = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

	private MediaRss() {
	}

	/** {@code <media:content url="…" medium="image" type="…"/>}. */
	static List<Element> image(String url, String type) {
		Element content = new Element("content", NS);
		content.setAttribute("url", url);
		content.setAttribute("medium", "image");
		content.setAttribute("type", type);
		return List.of(content);
	}

}
