package io.inkstone.importer;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * WordPress post bodies → Markdown the creator can edit in the studio. Block-editor
 * markup loses its {@code <!-- wp:… -->} comments; classic-editor text gets paragraphs
 * from blank lines (as {@code wpautop} does); {@code [caption]} becomes a figure with its
 * caption and {@code [gallery ids=…]} an image grid; {@code <!--more-->} is dropped.
 * Paragraphs, headings, links, images, emphasis, lists and quotes become Markdown;
 * anything else (tables, figures, embeds …) stays as HTML cleaned by an allowlist, so
 * scripts, event handlers and {@code javascript:} links never reach the stored text.
 * Image and link addresses pass through {@code urls}.
 */
final class WxrBodies {

	private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);

	private static final Pattern MORE = Pattern.compile("<!--\\s*(more|nextpage|noteaser)\\b.*?-->", Pattern.DOTALL);

	private static final Pattern CAPTION = Pattern.compile("\\[(caption|wp_caption)([^\\]]*)\\](.*?)\\[/\\1\\]",
			Pattern.DOTALL);

	private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");

	private static final Pattern IDS = Pattern.compile("ids=[\"']?([0-9, ]+)");

	private static final Pattern BLOCK_START = Pattern.compile(
			"(?is)^\\s*<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|section|article|aside|address|dl|form|iframe|script|style|object|embed|video|audio)\\b.*");

	static final Safelist HTML = Safelist.relaxed()
		.removeTags("span", "div")
		.addTags("figure", "figcaption")
		.addProtocols("img", "src", "http", "https")
		.addProtocols("a", "href", "http", "https", "mailto")
		.preserveRelativeLinks(true);

	private static final Set<String> INLINE = Set.of("strong", "b", "em", "i", "a", "img", "br", "code", "span",
			"#text");

	/** Attachment id → its (new) URL, for galleries. */
	interface Attachments {

		String url(long attachmentId);

	}

	private WxrBodies() {
	}

	static String toMarkdown(String content, UnaryOperator<String> urls, Attachments attachments) {
		String text = content == null ? "" : content.replace("\r\n", "\n");
		boolean blocks = text.contains("<!-- wp:");
		text = BLOCK_COMMENT.matcher(text).replaceAll("");
		text = MORE.matcher(text).replaceAll("");
		text = captions(text);
		text = galleries(text, attachments);
		if (!blocks) {
			text = autop(text);
		}
		Document doc = Jsoup.parseBodyFragment(text, "https://wordpress.invalid/");
		for (Element img : doc.select("img[src]")) {
			img.attr("src", urls.apply(img.attr("src")));
			img.removeAttr("srcset");
			img.removeAttr("sizes");
		}
		for (Element a : doc.select("a[href]")) {
			a.attr("href", urls.apply(a.attr("href")));
		}
		StringBuilder out = new StringBuilder();
		blocks(doc.body(), out);
		return out.toString().replaceAll("\n{3,}", "\n\n").strip();
	}

	/**
	 * {@code [caption …]<img …> text[/caption]} →
	 * {@code <figure><img …><figcaption>text</figcaption></figure>}.
	 */
	static String captions(String text) {
		Matcher m = CAPTION.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String inner = m.group(3).strip();
			Element holder = Jsoup.parseBodyFragment(inner).body();
			Element image = holder.selectFirst("a:has(img), img");
			String imageHtml = image == null ? "" : image.outerHtml();
			if (image != null) {
				image.remove();
			}
			String caption = holder.text().strip();
			Matcher attr = Pattern.compile("caption=\"([^\"]*)\"").matcher(m.group(2));
			if (caption.isEmpty() && attr.find()) {
				caption = attr.group(1);
			}
			m.appendReplacement(out, Matcher.quoteReplacement("\n\n<figure>" + imageHtml + "<figcaption>"
					+ Entities.escape(caption) + "</figcaption></figure>\n\n"));
		}
		m.appendTail(out);
		return out.toString();
	}

	static String galleries(String text, Attachments attachments) {
		Matcher m = GALLERY.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Matcher ids = IDS.matcher(m.group(1));
			StringBuilder grid = new StringBuilder("\n\n<figure>");
			if (ids.find()) {
				for (String id : ids.group(1).split("[ ,]+")) {
					if (id.isBlank()) {
						continue;
					}
					String url = attachments.url(Long.parseLong(id.strip()));
					if (url != null) {
						grid.append("<img src=\"").append(Entities.escape(url)).append("\" alt=\"\">");
					}
				}
			}
			grid.append("</figure>\n\n");
			m.appendReplacement(out, Matcher.quoteReplacement(grid.toString()));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * A simplified {@code wpautop}: blank lines separate paragraphs, single newlines are
	 * line breaks.
	 */
	static String autop(String text) {
		StringBuilder out = new StringBuilder();
		for (String chunk : text.split("\n\\s*\n")) {
			String c = chunk.strip();
			if (c.isEmpty()) {
				continue;
			}
			if (BLOCK_START.matcher(c).matches()) {
				out.append(c).append("\n\n");
			}
			else {
				out.append("<p>").append(c.replace("\n", "<br>\n")).append("</p>\n\n");
			}
		}
		return out.toString();
	}

	private static void blocks(Element parent, StringBuilder out) {
		StringBuilder loose = new StringBuilder();
		for (Node node : parent.childNodes()) {
			if (node instanceof TextNode || node instanceof Element e && INLINE.contains(e.normalName())) {
				loose.append(node.outerHtml());
				continue;
			}
			flushLoose(loose, out);
			if (node instanceof Element e) {
				block(e, out);
			}
		}
		flushLoose(loose, out);
	}

	private static void flushLoose(StringBuilder loose, StringBuilder out) {
		if (loose.toString().isBlank()) {
			loose.setLength(0);
			return;
		}
		block(Jsoup.parseBodyFragment("<p>" + loose + "</p>").body().child(0), out);
		loose.setLength(0);
	}

	private static void block(Element e, StringBuilder out) {
		String name = e.normalName();
		switch (name) {
			case "p" -> {
				String inline = inline(e);
				if (inline == null) {
					html(e, out);
				}
				else if (!inline.isBlank()) {
					out.append(inline.strip()).append("\n\n");
				}
			}
			case "h1", "h2", "h3", "h4", "h5", "h6" -> {
				String inline = inline(e);
				if (inline == null) {
					html(e, out);
				}
				else if (!inline.isBlank()) {
					out.append("#".repeat(name.charAt(1) - '0'))
						.append(' ')
						.append(inline.replace("\n", " ").strip())
						.append("\n\n");
				}
			}
			case "ul", "ol" -> {
				StringBuilder list = new StringBuilder();
				int n = 1;
				for (Element li : e.children()) {
					String inline = li.normalName().equals("li") ? inline(li) : null;
					if (inline == null) {
						html(e, out);
						return;
					}
					list.append(name.equals("ol") ? (n++) + ". " : "- ")
						.append(inline.replace("\n", " ").strip())
						.append('\n');
				}
				out.append(list).append('\n');
			}
			case "blockquote" -> {
				StringBuilder inner = new StringBuilder();
				blocks(e, inner);
				for (String line : inner.toString().strip().split("\n")) {
					out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
				}
				out.append('\n');
			}
			case "hr" -> out.append("---\n\n");
			case "div", "section", "article", "main", "header", "footer", "aside" -> blocks(e, out);
			case "pre" -> {
				String code = e.wholeText().replaceAll("\n+$", "");
				String fence = code.contains("```") ? "~~~~" : "```";
				out.append(fence).append('\n').append(code).append('\n').append(fence).append("\n\n");
			}
			default -> html(e, out);
		}
	}

	/** Kept as HTML, cleaned by the allowlist (what Markdown cannot express). */
	private static void html(Element e, StringBuilder out) {
		Document dirty = Jsoup.parseBodyFragment(e.outerHtml(), "https://wordpress.invalid/");
		Document clean = new Cleaner(HTML).clean(dirty);
		clean.outputSettings().prettyPrint(false);
		String html = clean.body()
			.html()
			.replace("https://wordpress.invalid/", "/")
			.replaceAll("\n\\s*\n", "\n")
			.strip();
		if (!html.isEmpty()) {
			out.append(html).append("\n\n");
		}
	}

	/**
	 * The element's content as inline Markdown, or null when it holds something inline
	 * Markdown cannot express.
	 */
	private static String inline(Element e) {
		StringBuilder out = new StringBuilder();
		for (Node node : e.childNodes()) {
			if (!inline(node, out)) {
				return null;
			}
		}
		return out.toString().replaceAll("[ \t]*\n[ \t]*", "\n");
	}

	private static boolean inline(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(escape(text.text()));
			return true;
		}
		if (!(node instanceof Element e)) {
			return true; // comments
		}
		switch (e.normalName()) {
			case "strong", "b" -> {
				String inner = inline(e);
				if (inner == null) {
					return false;
				}
				if (!inner.isBlank()) {
					out.append("**").append(inner.strip()).append("**");
				}
			}
			case "em", "i" -> {
				String inner = inline(e);
				if (inner == null) {
					return false;
				}
				if (!inner.isBlank()) {
					out.append('*').append(inner.strip()).append('*');
				}
			}
			case "code" -> out.append('`').append(e.text().replace("`", "'")).append('`');
			case "span" -> {
				String inner = inline(e);
				if (inner == null) {
					return false;
				}
				out.append(inner);
			}
			case "br" -> out.append("\n");
			case "a" -> {
				String href = e.attr("href");
				if (!safeUrl(href)) {
					String inner = inline(e);
					if (inner == null) {
						return false;
					}
					out.append(inner);
					return true;
				}
				String inner = inline(e);
				if (inner == null) {
					return false;
				}
				out.append('[')
					.append(inner.isBlank() ? escape(href) : inner.strip())
					.append("](")
					.append(destination(href))
					.append(')');
			}
			case "img" -> {
				String src = e.attr("src");
				if (!safeUrl(src)) {
					return true;
				}
				out.append("![")
					.append(escape(e.attr("alt")).replace("\n", " "))
					.append("](")
					.append(destination(src))
					.append(')');
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	static boolean safeUrl(String url) {
		String u = url.strip().toLowerCase(Locale.ROOT);
		return !u.isEmpty() && (u.startsWith("http://") || u.startsWith("https://") || u.startsWith("/")
				|| u.startsWith("mailto:") || u.startsWith("#"));
	}

	private static String destination(String url) {
		String u = url.strip().replace("https://wordpress.invalid/", "/");
		return u.matches(".*[\\s()<>].*") ? "<" + u.replace("<", "%3C").replace(">", "%3E") + ">" : u;
	}

	/** Escapes what Markdown would read as syntax; Chinese text passes unchanged. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ("\\`*_[]<>#|~".indexOf(c) >= 0 || (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '[')) {
				out.append('\\');
			}
			out.append(c);
		}
		String escaped = out.toString();
		// a line starting like a list item or a quote
		return escaped.replaceAll("(?m)^(\\s*)([-+])(\\s)", "$1\\\\$2$3")
			.replaceAll("(?m)^(\\s*)(\\d+)([.)])(\\s)", "$1$2\\\\$3$4");
	}

	static List<String> imageUrls(String html) {
		return Jsoup.parseBodyFragment(html).select("img[src]").eachAttr("src");
	}

}
