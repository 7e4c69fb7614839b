package io.inkstone.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

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
import org.jsoup.nodes.TextNode;
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
		Footnotes footnotes = Footnotes.extract(markdown);
		Node document = PARSER.parse(footnotes.markdown());
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
		taskListItems(clean);
		footnotes.link(clean, ownImages);
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

	/** A task-list item's box as Markdown writes it ({@code [ ]} or {@code [x]}). */
	private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\](?:\\s|$)");

	/**
	 * GitHub task lists: a list item starting with {@code [ ]} or {@code [x]} shows a
	 * disabled checkbox instead (written here, after the allowlist, never taken from the
	 * input).
	 */
	private static void taskListItems(Document clean) {
		for (Element item : clean.select("li")) {
			Element holder = item.firstElementChild() != null && item.firstElementChild().tagName().equals("p")
					&& item.childNodeSize() > 0 && item.childNode(0) == item.firstElementChild()
							? item.firstElementChild() : item;
			if (holder.childNodeSize() == 0 || !(holder.childNode(0) instanceof TextNode text)) {
				continue;
			}
			Matcher m = TASK.matcher(text.getWholeText());
			if (!m.find()) {
				continue;
			}
			text.text(text.getWholeText().substring(m.end()));
			Element box = new Element("input").attr("type", "checkbox").attr("disabled", "");
			if (!m.group(1).equals(" ")) {
				box.attr("checked", "");
			}
			holder.prependChild(new TextNode(" "));
			holder.prependChild(box);
			item.addClass("task-list-item");
		}
	}

	/**
	 * Footnotes ({@code text[^1]} with {@code [^1]: the note} on a line of its own,
	 * continued by indented lines): the definitions are taken out of the Markdown before
	 * it is parsed, and after the allowlist each reference becomes a numbered superscript
	 * link to its note in a list at the end, with a link back. Ids carry the {@code h-}
	 * prefix like heading anchors. A reference without a note stays text.
	 */
	record Footnotes(String markdown, Map<String, String> notes) {

		private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[\\^([^\\]\\s]{1,40})\\]:[ \\t]*(.*)$");

		private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]{1,40})\\]");

		static Footnotes extract(String markdown) {
			if (!markdown.contains("[^")) {
				return new Footnotes(markdown, Map.of());
			}
			Map<String, String> notes = new LinkedHashMap<>();
			StringBuilder rest = new StringBuilder();
			String fence = null;
			String current = null;
			for (String line : markdown.split("\n", -1)) {
				String trimmed = line.stripLeading();
				if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
					fence = trimmed.substring(0, 3);
					current = null;
				}
				else if (fence != null) {
					if (trimmed.startsWith(fence)) {
						fence = null;
					}
				}
				else {
					Matcher m = DEFINITION.matcher(line);
					if (m.matches()) {
						current = notes.containsKey(m.group(1)) ? null : m.group(1);
						if (current != null) {
							notes.put(current, m.group(2));
						}
						continue;
					}
					if (current != null && !line.isBlank() && (line.startsWith("    ") || line.startsWith("\t"))) {
						notes.merge(current, "\n" + line.strip(), String::concat);
						continue;
					}
					current = null;
				}
				rest.append(line).append('\n');
			}
			return new Footnotes(rest.toString(), notes);
		}

		void link(Document clean, Function<String, Optional<OwnImage>> ownImages) {
			if (notes.isEmpty()) {
				return;
			}
			Map<String, Integer> numbers = new LinkedHashMap<>();
			for (Element element : clean.body().getAllElements()) {
				if (element.closest("a, code, pre") != null) {
					continue;
				}
				for (TextNode text : new ArrayList<>(element.textNodes())) {
					String value = text.getWholeText();
					Matcher m = REFERENCE.matcher(value);
					int from = 0;
					boolean found = false;
					while (m.find()) {
						if (!notes.containsKey(m.group(1))) {
							continue;
						}
						found = true;
						boolean firstReference = !numbers.containsKey(m.group(1));
						int n = numbers.computeIfAbsent(m.group(1), k -> numbers.size() + 1);
						text.before(new TextNode(value.substring(from, m.start())));
						Element ref = new Element("a").attr("href", "#h-fn-" + n).text(Integer.toString(n));
						if (firstReference) {
							ref.attr("id", "h-fnref-" + n);
						}
						text.before(new Element("sup").addClass("footnote-ref").appendChild(ref));
						from = m.end();
					}
					if (found) {
						text.before(new TextNode(value.substring(from)));
						text.remove();
					}
				}
			}
			if (numbers.isEmpty()) {
				return;
			}
			Element list = new Element("ol");
			numbers.forEach((label, n) -> {
				Element item = new Element("li").attr("id", "h-fn-" + n);
				Document note = Jsoup.parseBodyFragment(toSafeHtml(notes.get(label), ownImages));
				item.appendChildren(new ArrayList<>(note.body().childNodes()));
				Element back = new Element("a").attr("href", "#h-fnref-" + n).addClass("footnote-backref").text("↩");
				Element last = item.children().isEmpty() ? item : item.children().last();
				last.appendText(" ").appendChild(back);
				list.appendChild(item);
			});
			clean.body()
				.appendChild(
						new Element("section").addClass("footnotes").appendChild(new Element("hr")).appendChild(list));
		}

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

	/** How long an automatic summary is, in characters. */
	public static final int SUMMARY_LENGTH = 120;

	/**
	 * The automatic summary of a rendered, sanitized body: the start of its running text
	 * as a reader sees it. Links are their text, images and video players are left out,
	 * and so are code blocks, footnote markers, the footnotes themselves and task-list
	 * boxes.
	 */
	public static String summaryFromHtml(String bodyHtml) {
		Document doc = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
		doc.select("pre, img, iframe, figure.video-embed, sup.footnote-ref, section.footnotes, input").remove();
		return summarize(doc.body().text(), SUMMARY_LENGTH);
	}

	/** An inline image in Markdown ({@code ![alt](url)}). */
	private static final Pattern LEGACY_INLINE_IMAGE = Pattern
		.compile("!\\[[^\\]\\n]*\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)");

	/**
	 * The automatic summary as it was made before {@link #summaryFromHtml}: from the
	 * Markdown's plain text (links as {@code "text" (url)}, code and footnote markers
	 * kept). Only to recognise a stored summary as automatic, so it can be made again.
	 */
	public static String legacySummary(String markdown) {
		return summarize(toPlainText(LEGACY_INLINE_IMAGE.matcher(markdown).replaceAll("")), SUMMARY_LENGTH);
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
