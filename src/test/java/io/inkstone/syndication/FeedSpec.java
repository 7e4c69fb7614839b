package io.inkstone.syndication;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The elements RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom 1.0 (RFC
 * 4287) require, checked on the JDK's DOM and nothing of ROME's, so a feed ROME writes
 * and reads back is also held to the specifications.
 */
final class FeedSpec {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

	private FeedSpec() {
	}

	static void assertRequiredElements(Document doc) {
		Element root = doc.getDocumentElement();
		if (ATOM.equals(root.getNamespaceURI())) {
			atom(root);
		}
		else {
			rss(root);
		}
	}

	/**
	 * RSS 2.0: a channel with title, link and description; items with a title or
	 * description; dates in RFC 822.
	 */
	private static void rss(Element root) {
		assertThat(root.getLocalName()).isEqualTo("rss");
		assertThat(root.getNamespaceURI()).as("RSS 2.0 has no namespace").isNull();
		assertThat(root.getAttribute("version")).isEqualTo("2.0");
		List<Element> channels = children(root, null, "channel");
		assertThat(channels).as("exactly one channel").hasSize(1);
		Element channel = channels.get(0);
		assertThat(one(channel, null, "title").getTextContent()).isNotBlank();
		absolute(one(channel, null, "link").getTextContent());
		one(channel, null, "description");
		for (Element date : children(channel, null, "pubDate")) {
			rfc822(date.getTextContent());
		}
		for (Element item : children(channel, null, "item")) {
			assertThat(children(item, null, "title").size() + children(item, null, "description").size())
				.as("an item has a title or a description")
				.isPositive();
			absolute(one(item, null, "link").getTextContent());
			assertThat(one(item, null, "guid").getTextContent()).isNotBlank();
			rfc822(one(item, null, "pubDate").getTextContent());
			for (Element enclosure : children(item, null, "enclosure")) {
				absolute(enclosure.getAttribute("url"));
				assertThat(enclosure.getAttribute("length")).as("enclosure length").matches("\\d+");
				assertThat(enclosure.getAttribute("type")).as("enclosure type").matches("[a-z]+/[a-z0-9.+-]+");
			}
			for (Element author : children(item, null, "author")) {
				assertThat(author.getTextContent()).as("RSS author is an e-mail address").contains("@");
			}
		}
	}

	/**
	 * Atom 1.0: feed and entries with id, title and updated; an author for every entry;
	 * dates in RFC 3339.
	 */
	private static void atom(Element feed) {
		assertThat(feed.getLocalName()).isEqualTo("feed");
		absolute(one(feed, ATOM, "id").getTextContent());
		assertThat(one(feed, ATOM, "title").getTextContent()).isNotBlank();
		rfc3339(one(feed, ATOM, "updated").getTextContent());
		boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
		assertThat(children(feed, ATOM, "link")).as("a self link")
			.anySatisfy(l -> assertThat(l.getAttribute("rel")).isEqualTo("self"));
		for (Element entry : children(feed, ATOM, "entry")) {
			absolute(one(entry, ATOM, "id").getTextContent());
			one(entry, ATOM, "title");
			rfc3339(one(entry, ATOM, "updated").getTextContent());
			for (Element published : children(entry, ATOM, "published")) {
				rfc3339(published.getTextContent());
			}
			List<Element> authors = children(entry, ATOM, "author");
			assertThat(feedAuthor || !authors.isEmpty()).as("every entry has an author").isTrue();
			for (Element author : authors) {
				assertThat(one(author, ATOM, "name").getTextContent()).isNotBlank();
			}
			boolean alternate = children(entry, ATOM, "link").stream()
				.anyMatch(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate"));
			assertThat(alternate || !children(entry, ATOM, "content").isEmpty())
				.as("an entry without content has an alternate link")
				.isTrue();
			for (Element link : children(entry, ATOM, "link")) {
				absolute(link.getAttribute("href"));
			}
		}
	}

	private static Element one(Element parent, String ns, String name) {
		List<Element> found = children(parent, ns, name);
		assertThat(found).as("exactly one <%s> in <%s>", name, parent.getLocalName()).hasSize(1);
		return found.get(0);
	}

	private static List<Element> children(Element parent, String ns, String name) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && name.equals(e.getLocalName())
					&& (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
				out.add(e);
			}
		}
		return out;
	}

	private static void absolute(String uri) {
		assertThat(URI.create(uri.strip()).isAbsolute()).as("absolute: " + uri).isTrue();
	}

	private static void rfc822(String date) {
		ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
	}

	private static void rfc3339(String date) {
		OffsetDateTime.parse(date.strip());
	}

}
