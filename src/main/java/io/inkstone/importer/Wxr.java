package io.inkstone.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.Location;

/**
 * A streaming reader of WordPress eXtended RSS (WXR 1.1/1.2, as Tools › Export writes
 * it): StAX, one item in memory at a time, no DTDs and no external entities. Elements are
 * matched by local name within WordPress' namespaces
 * ({@code http://wordpress.org/export/1.x/…}), so 1.1 and 1.2 read alike. CDATA sections
 * are coalesced, so WordPress' split of {@code ]]>} ({@code ]]]]><![CDATA[>}) reads back
 * as the original text.
 */
final class Wxr {

	private Wxr() {
	}

	record Author(String login, String displayName, String firstName, String lastName) {
	}

	/**
	 * A term: {@code taxonomy} is category, post_tag or another taxonomy (nav menus,
	 * formats …).
	 */
	record Term(String taxonomy, String slug, String name, String parentSlug) {
	}

	/**
	 * A term on an item: {@code domain} category / post_tag / …, {@code nicename} the
	 * slug, {@code name} the text.
	 */
	record ItemTerm(String domain, String nicename, String name) {
	}

	record Comment(long id, String author, String authorUrl, String date, String dateGmt, String content,
			String approved, String type, long parent) {
	}

	record Item(long line, String title, String link, String creator, String guid, String content, String excerpt,
			long postId, String postDate, String postDateGmt, String postModifiedGmt, String postName, String status,
			long postParent, String postType, String password, boolean sticky, String attachmentUrl,
			List<ItemTerm> terms, Map<String, List<String>> meta, List<Comment> comments) {

		String meta(String key) {
			List<String> values = meta.get(key);
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		List<String> metaAll(String key) {
			return meta.getOrDefault(key, List.of());
		}

	}

	/** What the reader found, element by element, in document order. */
	interface Handler {

		default void site(String baseSiteUrl, String baseBlogUrl, String version) {
		}

		/** The channel's {@code <generator>}: which program wrote the file. */
		default void generator(String generator) {
		}

		default void author(Author author) {
		}

		default void term(Term term) {
		}

		void item(Item item);

	}

	/**
	 * The file is not well-formed XML, or not a WordPress export; with the position where
	 * reading stopped.
	 */
	static final class Malformed extends RuntimeException {

		final long line;

		final long column;

		Malformed(String message, long line, long column) {
			super("line " + line + ", column " + column + ": " + message);
			this.line = line;
			this.column = column;
		}

	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	static boolean isWordPress(String namespace) {
		return namespace != null && namespace.startsWith("http://wordpress.org/export/");
	}

	/**
	 * Reads the whole export, calling the handler per element; throws {@link Malformed}
	 * at the first error.
	 */
	static void read(InputStream in, Handler handler) {
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(in);
			new Parser(xml, handler).document();
		}
		catch (XMLStreamException ex) {
			Location at = ex.getLocation();
			String message = String.valueOf(ex.getMessage())
				.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
			throw new Malformed(message.strip(), at == null ? -1 : at.getLineNumber(),
					at == null ? -1 : at.getColumnNumber());
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ignored) {
					// closing after an error: nothing left to report
				}
			}
		}
	}

	private static final class Parser {

		private final XMLStreamReader xml;

		private final Handler handler;

		private String baseSiteUrl;

		private String baseBlogUrl;

		private String version;

		private boolean siteReported;

		Parser(XMLStreamReader xml, Handler handler) {
			this.xml = xml;
			this.handler = handler;
		}

		private Malformed error(String message) {
			return new Malformed(message, xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
		}

		void document() throws XMLStreamException {
			while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
				// prolog: comments, processing instructions, whitespace
			}
			if (!xml.isStartElement() || !"rss".equals(xml.getLocalName())) {
				throw error("not a WordPress export (WXR): the root element is not <rss>");
			}
			boolean channel = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if ("channel".equals(xml.getLocalName()) && !channel) {
						channel = true;
						channel();
					}
					else {
						skip();
					}
				}
			}
			if (!channel || version == null) {
				throw error("not a WordPress export (WXR): no <wp:wxr_version> in the channel");
			}
		}

		private void channel() throws XMLStreamException {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					return;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				boolean wp = isWordPress(xml.getNamespaceURI());
				if (wp && name.equals("wxr_version")) {
					version = xml.getElementText().strip();
				}
				else if (wp && name.equals("base_site_url")) {
					baseSiteUrl = xml.getElementText().strip();
				}
				else if (wp && name.equals("base_blog_url")) {
					baseBlogUrl = xml.getElementText().strip();
				}
				else if (wp && name.equals("author")) {
					reportSite();
					Map<String, String> f = fields();
					handler.author(
							new Author(f.getOrDefault("author_login", ""), f.getOrDefault("author_display_name", ""),
									f.getOrDefault("author_first_name", ""), f.getOrDefault("author_last_name", "")));
				}
				else if (wp && name.equals("category")) {
					reportSite();
					Map<String, String> f = fields();
					handler.term(new Term("category", f.getOrDefault("category_nicename", ""),
							f.getOrDefault("cat_name", ""), f.getOrDefault("category_parent", "")));
				}
				else if (wp && name.equals("tag")) {
					reportSite();
					Map<String, String> f = fields();
					handler
						.term(new Term("post_tag", f.getOrDefault("tag_slug", ""), f.getOrDefault("tag_name", ""), ""));
				}
				else if (wp && name.equals("term")) {
					reportSite();
					Map<String, String> f = fields();
					handler.term(new Term(f.getOrDefault("term_taxonomy", ""), f.getOrDefault("term_slug", ""),
							f.getOrDefault("term_name", ""), f.getOrDefault("term_parent", "")));
				}
				else if (name.equals("generator")
						&& (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty())) {
					handler.generator(xml.getElementText().strip());
				}
				else if (name.equals("item") && xml.getNamespaceURI() == null
						|| name.equals("item") && xml.getNamespaceURI().isEmpty()) {
					if (version == null) {
						throw error("not a WordPress export (WXR): an <item> before <wp:wxr_version>");
					}
					reportSite();
					handler.item(item());
				}
				else {
					skip();
				}
			}
		}

		private void reportSite() {
			if (!siteReported) {
				siteReported = true;
				if (version == null) {
					throw error("not a WordPress export (WXR): no <wp:wxr_version> before the content");
				}
				handler.site(baseSiteUrl, baseBlogUrl, version);
			}
		}

		/**
		 * The text of each child element of the current element (one level), by local
		 * name.
		 */
		private Map<String, String> fields() throws XMLStreamException {
			Map<String, String> fields = new LinkedHashMap<>();
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					return fields;
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					fields.put(name, text());
				}
			}
			return fields;
		}

		/** The element's text; child elements (not expected) are skipped. */
		private String text() throws XMLStreamException {
			StringBuilder out = new StringBuilder();
			int depth = 1;
			while (depth > 0) {
				int event = xml.next();
				switch (event) {
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
							XMLStreamConstants.ENTITY_REFERENCE -> {
						if (depth == 1) {
							out.append(xml.getText());
						}
					}
					case XMLStreamConstants.START_ELEMENT -> depth++;
					case XMLStreamConstants.END_ELEMENT -> depth--;
					default -> {
					}
				}
			}
			return out.toString();
		}

		private void skip() throws XMLStreamException {
			int depth = 1;
			while (depth > 0) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
		}

		private Item item() throws XMLStreamException {
			long line = xml.getLocation().getLineNumber();
			Map<String, String> f = new LinkedHashMap<>();
			List<ItemTerm> terms = new ArrayList<>();
			Map<String, List<String>> meta = new LinkedHashMap<>();
			List<Comment> comments = new ArrayList<>();
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					break;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				String ns = xml.getNamespaceURI();
				boolean wp = isWordPress(ns);
				if (name.equals("category") && !wp) {
					String domain = attribute("domain");
					String nicename = attribute("nicename");
					terms.add(new ItemTerm(domain, nicename, text().strip()));
				}
				else if (wp && name.equals("postmeta")) {
					Map<String, String> m = fields();
					meta.computeIfAbsent(m.getOrDefault("meta_key", ""), k -> new ArrayList<>())
						.add(m.getOrDefault("meta_value", ""));
				}
				else if (wp && name.equals("comment")) {
					Map<String, String> c = fields();
					comments.add(new Comment(number(c.get("comment_id")), c.getOrDefault("comment_author", ""),
							c.getOrDefault("comment_author_url", ""), c.getOrDefault("comment_date", ""),
							c.getOrDefault("comment_date_gmt", ""), c.getOrDefault("comment_content", ""),
							c.getOrDefault("comment_approved", ""), c.getOrDefault("comment_type", ""),
							number(c.get("comment_parent"))));
				}
				else {
					String key = (ns != null && ns.contains("excerpt") ? "excerpt:"
							: ns != null && ns.contains("content") ? "content:" : "") + name;
					f.put(key, text());
				}
			}
			return new Item(line, f.getOrDefault("title", "").strip(), f.getOrDefault("link", "").strip(),
					f.getOrDefault("creator", "").strip(), f.getOrDefault("guid", "").strip(),
					f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""),
					number(f.get("post_id")), f.getOrDefault("post_date", "").strip(),
					f.getOrDefault("post_date_gmt", "").strip(), f.getOrDefault("post_modified_gmt", "").strip(),
					f.getOrDefault("post_name", "").strip(), f.getOrDefault("status", "").strip(),
					number(f.get("post_parent")), f.getOrDefault("post_type", "").strip(),
					f.getOrDefault("post_password", ""), "1".equals(f.getOrDefault("is_sticky", "0").strip()),
					f.getOrDefault("attachment_url", "").strip(), terms, meta, comments);
		}

		private String attribute(String name) {
			String value = xml.getAttributeValue(null, name);
			return value == null ? "" : value;
		}

		private static long number(String text) {
			if (text == null || text.isBlank()) {
				return 0;
			}
			try {
				return Long.parseLong(text.strip());
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

	}

}
