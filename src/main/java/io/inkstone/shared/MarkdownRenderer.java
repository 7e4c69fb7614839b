package io.inkstone.shared;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Markdown → sanitized HTML, once, at write time (commonmark-java renders, a jsoup
 * allowlist cleans). Single line breaks are kept as {@code <br>
 * }: poems and Chinese prose rely on them.
 */
public final class MarkdownRenderer {

	/**
	 * GitHub-flavoured tables, strikethrough and autolinks; heading anchors ({@code h-}
	 * ids, see {@link #ID}).
	 */
	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
			AutolinkExtension.create(), HeadingAnchorExtension.builder().idPrefix("h-").defaultId("section").build());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder()
		.softbreak("<br>\n")
		.escapeHtml(false)
		.extensions(EXTENSIONS)
		.build();

	/**
	 * Heading ids the anchors make: prefixed, so no id can shadow a global name (DOM
	 * clobbering).
	 */
	private static final Pattern ID = Pattern.compile("h-[\\p{L}\\p{N}_-]{1,100}");

	/** A fenced code block's language class, as commonmark writes it. */
	private static final Pattern LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,30}");

	private static final String BASE = "https://inkstone.invalid/";

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("span", "div")
		.addTags("figure", "figcaption", "del", "s", "hr")
		.addAttributes("h1", "id")
		.addAttributes("h2", "id")
		.addAttributes("h3", "id")
		.addAttributes("h4", "id")
		.addAttributes("h5", "id")
		.addAttributes("h6", "id")
		.addAttributes("code", "class")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addProtocols("img", "src", "http", "https")
		.addProtocols("a", "href", "http", "https", "mailto")
		.preserveRelativeLinks(true);

	private MarkdownRenderer() {
	}

	/**
	 * An image of the site's own media library: its size and its renditions as a
	 * {@code srcset}.
	 */
	public record OwnImage(int width, int height, String srcset) {
	}

	/**
	 * How wide a body image is shown: the whole column on phones, the article column (at
	 * most 760 px) elsewhere.
	 */
	public static final String SIZES = "(max-width: 800px) 100vw, 760px";

	/** A site-relative media URL ({@code /media/<sha256>/<full|width>.<ext>}). */
	private static final Pattern OWN_MEDIA = Pattern
		.compile("/media/[0-9a-f]{64}/(full|[0-9]{2,4})\\.(jpg|png|gif|webp)");

	public static String toSafeHtml(String markdown) {
		return toSafeHtml(markdown, src -> Optional.empty());
	}

	/**
	 * As {@link #toSafeHtml(String)}; images from the site's own media ({@code ownImages}
	 * knows them) get {@code srcset}, {@code sizes}, {@code width} and {@code height} (no
	 * layout shift) — the only images that may carry those attributes: they are written
	 * here from the library's record, never taken from the input. Every image but the
	 * first loads lazily.
	 */
	public static String toSafeHtml(String markdown, Function<String, Optional<OwnImage>> ownImages) {
		Node document = PARSER.parse(markdown);
		String raw = HTML.render(document);
		Document dirty = Jsoup.parseBodyFragment(raw, BASE);
		// a raw iframe is never trusted: it becomes a link to its address (an allowlisted
		// video becomes a player below)
		for (Element frame : dirty.select("iframe")) {
			String src = frame.absUrl("src");
			if (src.startsWith("https://") || src.startsWith("http://")) {
				Element link = new Element("a").attr("href", src).text(src);
				frame.replaceWith(frame.parent() != null && frame.parent().tagName().equals("body")
						? new Element("p").appendChild(link) : link);
			}
			else {
				frame.remove();
			}
		}
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		for (Element link : clean.select("a[href]")) {
			link.attr("rel", "nofollow ugc noopener");
			if (link.attr("href").startsWith(BASE + "#")) {
				link.attr("href", link.attr("href").substring(BASE.length())); // an
																				// in-page
																				// anchor
																				// stays
																				// one
			}
		}
		for (Element heading : clean.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")) {
			if (!ID.matcher(heading.id()).matches()) {
				heading.removeAttr("id");
			}
		}
		for (Element code : clean.select("code[class]")) {
			if (!LANGUAGE.matcher(code.className()).matches()) {
				code.removeAttr("class");
			}
		}
		embedVideos(clean);
		boolean first = true;
		for (Element img : clean.select("img")) {
			img.removeAttr("width").removeAttr("height").removeAttr("loading");
			if (!img.hasAttr("alt")) {
				img.attr("alt", "");
			}
			String src = img.attr("src");
			String path = src.startsWith(BASE) ? "/" + src.substring(BASE.length())
					: src.startsWith("/") && !src.startsWith("//") ? src : "";
			if (OWN_MEDIA.matcher(path).matches()) {
				ownImages.apply(path)
					.ifPresent(own -> img.attr("srcset", own.srcset())
						.attr("sizes", SIZES)
						.attr("width", Integer.toString(own.width()))
						.attr("height", Integer.toString(own.height())));
			}
			if (!first) {
				img.attr("loading", "lazy");
			}
			first = false;
		}
		clean.outputSettings().prettyPrint(false);
		String html = clean.body().html();
		return html.replace(BASE, "/");
	}

	/**
	 * A paragraph holding nothing but a link to an allowlisted video becomes its player:
	 * a sandboxed iframe whose address is rebuilt from the video id
	 * ({@link VideoEmbeds}). The CSP's {@code frame-src} allows those players.
	 */
	private static void embedVideos(Document clean) {
		for (Element paragraph : clean.select("p")) {
			if (paragraph.childrenSize() != 1 || !paragraph.child(0).tagName().equals("a")
					|| !paragraph.text().strip().equals(paragraph.child(0).text().strip())) {
				continue;
			}
			Element link = paragraph.child(0);
			VideoEmbeds.playerUrl(link.attr("href")).ifPresent(player -> {
				Element frame = new Element("iframe").attr("src", player)
					.attr("title", link.text().strip())
					.attr("sandbox", VideoEmbeds.SANDBOX)
					.attr("allow", "fullscreen; picture-in-picture")
					.attr("allowfullscreen", "")
					.attr("loading", "lazy")
					.attr("referrerpolicy", "strict-origin-when-cross-origin");
				Element figure = new Element("figure").addClass("video-embed").appendChild(frame);
				figure.appendChild(new Element("figcaption").appendChild(link.clone()));
				paragraph.replaceWith(figure);
			});
		}
	}

	/** Plain text of the Markdown, for summaries and the search index. */
	public static String toPlainText(String markdown) {
		return Jsoup.parse(TEXT.render(PARSER.parse(markdown))).text();
	}

	/**
	 * The first {@code max} characters of the text, cut at a code-point boundary, with an
	 * ellipsis.
	 */
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
