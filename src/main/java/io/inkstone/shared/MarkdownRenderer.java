package io.inkstone.shared;

import java.util.List;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown → sanitized HTML, once, at write time (commonmark-java renders, a jsoup allowlist cleans).
 * Single line breaks are kept as {@code <br>}: poems and Chinese prose rely on them.
 */
public final class MarkdownRenderer {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().softbreak("<br>\n").escapeHtml(false).build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("span", "div")
		.addTags("figure", "figcaption")
		.addAttributes("img", "loading")
		.addProtocols("img", "src", "http", "https")
		.addProtocols("a", "href", "http", "https", "mailto")
		.preserveRelativeLinks(true);

	private MarkdownRenderer() {
	}

	public static String toSafeHtml(String markdown) {
		Node document = PARSER.parse(markdown);
		String raw = HTML.render(document);
		Document dirty = Jsoup.parseBodyFragment(raw, "https://inkstone.invalid/");
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		for (Element link : clean.select("a[href]")) {
			link.attr("rel", "nofollow ugc noopener");
		}
		for (Element img : clean.select("img")) {
			if (!img.hasAttr("alt")) {
				img.attr("alt", "");
			}
			img.attr("loading", "lazy");
		}
		clean.outputSettings().prettyPrint(false);
		String html = clean.body().html();
		return html.replace("https://inkstone.invalid/", "/");
	}

	/** Plain text of the Markdown, for summaries and the search index. */
	public static String toPlainText(String markdown) {
		return Jsoup.parse(TEXT.render(PARSER.parse(markdown))).text();
	}

	/** The first {@code max} characters of the text, cut at a code-point boundary, with an ellipsis. */
	public static String summarize(String plainText, int max) {
		String text = plainText.replaceAll("\\s+", " ").strip();
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
	}

	public static List<String> imageSources(String html) {
		return Jsoup.parseBodyFragment(html).select("img[src]").eachAttr("src");
	}

}
