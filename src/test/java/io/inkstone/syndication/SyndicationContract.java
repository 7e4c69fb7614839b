package io.inkstone.syndication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.importer.ImportReport;
import io.inkstone.support.Browser;
import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import io.inkstone.media.Media;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import javax.imageio.ImageIO;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;

/**
 * Feeds, tag pages, sitemaps, robots.txt and link previews over real HTTP, on the
 * public-domain fixture plus a few articles written for these tests (tags, a cover, 原创
 * and AI labels, a hostile title and body). Runs once per database (see the SQLite and
 * PostgreSQL subclasses). The public address is configured, and every absolute link must
 * use it, whatever Host the request names.
 */
@TestPropertySource(properties = "inkstone.public-url=https://news.example")
abstract class SyndicationContract {

	static final String BASE = "https://news.example";

	/**
	 * Characters XML 1.0 cannot carry (vertical tab, form feed) plus markup that must
	 * stay text.
	 */
	static final String HOSTILE_TITLE = "<script>alert(1)</script> & ]]> <![CDATA[x]]> \u000b\u000c\"q\" 'a' 恶意";

	static final String HOSTILE_BODY = "<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n]]>&amp; <!-- c -->"
			+ " [link](javascript:alert(4)) 正文 \u000b 结束";

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	/** Off on SQLite, on in the PostgreSQL run: both ways are covered. */
	@Value("${inkstone.feeds.full-text}")
	boolean fullText;

	private static final Map<Class<?>, Boolean> imported = new ConcurrentHashMap<>();

	@BeforeEach
	void importOnce() throws IOException {
		if (imported.putIfAbsent(getClass(), true) != null) {
			return;
		}
		ImportReport fixture = importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
		assertThat(fixture.rejected()).isZero();
		ObjectMapper json = new ObjectMapper();
		String recent = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
		String older = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0).toString();
		List<Map<String, Object>> lines = new ArrayList<>();
		lines.add(Map.of("id", "synd-cover", "creator", "syndwriter", "creator_name", "订阅作者", "channel", "synd",
				"title", "有封面的原创文章", "body_markdown", "第一段。\n\n![图](https://img.example/cover.png)\n\n第二段。",
				"published_at", recent, "tags", List.of("订阅测试", "诗 词"), "original", true, "aigc", "assisted"));
		lines.add(Map.of("id", "synd-hostile", "creator", "syndwriter", "creator_name", "订阅作者", "channel", "synd",
				"title", HOSTILE_TITLE, "body_markdown", HOSTILE_BODY, "published_at", older, "tags",
				List.of("订阅测试", "<i>粗&'\""), "aigc", "generated"));
		StringBuilder jsonl = new StringBuilder();
		for (Map<String, Object> line : lines) {
			jsonl.append(json.writeValueAsString(line)).append('\n');
		}
		ImportReport ours = importer
			.importLines(new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)), null);
		assertThat(ours.imported()).isEqualTo(2);
		// the body's picture is hot-linked, so the import stores no cover: the creator
		// gives it one from the media library
		long creator = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", articleId("synd-cover"))
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM articles WHERE id = :id AND cover_image IS NULL")
			.param("id", articleId("synd-cover"))
			.query(Long.class)
			.single()).isEqualTo(1);
		jdbc.sql("UPDATE articles SET cover_image = :cover WHERE id = :id")
			.param("cover", media.upload(creator, png(640, 400), "封面").url())
			.param("id", articleId("synd-cover"))
			.update();
	}

	/** The absolute address of the test article's cover (an upload of 640 × 400). */
	String cover() {
		return BASE + jdbc.sql("SELECT cover_image FROM articles WHERE id = :id")
			.param("id", articleId("synd-cover"))
			.query(String.class)
			.single();
	}

	Browser browser() {
		return new Browser(port);
	}

	/** The fake search-engine endpoints this run pings (one per database run). */
	abstract PingReceiver pings();

	long articleId(String importId) {
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :key")
			.param("key", "id:" + importId)
			.query(Long.class)
			.single();
	}

	static String enc(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Parses with ROME, after two checks that share nothing with ROME: the JDK's own DOM
	 * parser (no DTDs, no entities) must accept it and find every element RSS 2.0 or Atom
	 * 1.0 (RFC 4287) requires, and a second feed parser (rssreader, StAX) must read the
	 * same items with the same titles, links and dates.
	 */
	static SyndFeed parse(String xml) throws Exception {
		Document doc = dom(xml);
		FeedSpec.assertRequiredElements(doc);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		List<Item> items = new RssReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.toList();
		assertThat(items).as("items the second parser read").hasSameSizeAs(feed.getEntries());
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			SyndEntry entry = feed.getEntries().get(i);
			assertThat(item.getTitle()).as("title %d", i).contains(entry.getTitle());
			assertThat(item.getGuid()).as("id %d", i).contains(entry.getUri());
			if (feed.getFeedType().startsWith("rss")) {
				// (for Atom, rssreader takes the last <link> whatever its rel, here the
				// cover's rel="enclosure")
				assertThat(item.getLink()).as("link %d", i).contains(entry.getLink());
			}
			assertThat(item.getPubDateZonedDateTime().or(item::getUpdatedZonedDateTime)).as("date %d", i).isPresent();
			assertThat(item.getChannel().getTitle()).isEqualTo(feed.getTitle());
		}
		return feed;
	}

	/** The items as the second, independent parser reads them. */
	static List<Item> independently(String xml) {
		return new RssReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).toList();
	}

	static Document dom(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	static SyndEntry entry(SyndFeed feed, String link) {
		return feed.getEntries()
			.stream()
			.filter(e -> e.getLink().equals(link))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry " + link + " in " + feed.getTitle()));
	}

	// ---------------------------------------------------------------- feeds

	@Test
	void siteFeedsAreRssAndAtomWithAbsoluteLinksFromThePublicAddress() throws Exception {
		// the test client is on loopback, a trusted proxy: its forwarded host is
		// believed, and must still not be used
		Browser browser = browser().header("X-Forwarded-Host", "evil.example");
		HttpResponse<String> rss = browser.get("/feed.xml");
		assertThat(rss.statusCode()).isEqualTo(200);
		assertThat(rss.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
		assertThat(rss.body()).startsWith("<?xml")
			.contains("<rss")
			.contains("version=\"2.0\"")
			.doesNotContain("evil.example")
			.doesNotContain("localhost");
		SyndFeed feed = parse(rss.body());
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getLink()).isEqualTo(BASE + "/");
		assertThat(feed.getEntries()).hasSize(20).allSatisfy(e -> {
			assertThat(e.getLink()).startsWith(BASE + "/articles/");
			assertThat(e.getTitle()).isNotBlank();
			assertThat(e.getPublishedDate()).isNotNull();
			assertThat(e.getDescription().getValue()).isNotBlank();
			assertThat(e.getCategories()).isNotEmpty();
		});
		// summary by default, the whole body with inkstone.feeds.full-text
		if (fullText) {
			assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getContents()).singleElement()
				.satisfies(c -> assertThat(c.getValue()).contains("<p>")));
		}
		else {
			assertThat(rss.body()).doesNotContain("content:encoded");
			assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getContents()).isEmpty());
		}

		HttpResponse<String> atom = browser.get("/atom.xml");
		assertThat(atom.statusCode()).isEqualTo(200);
		assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		Document doc = dom(atom.body());
		assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		SyndFeed atomFeed = parse(atom.body());
		assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(atomFeed.getEntries()).hasSize(20).allSatisfy(e -> {
			assertThat(e.getUri()).startsWith(BASE + "/articles/");
			assertThat(e.getUpdatedDate()).isNotNull();
			assertThat(e.getAuthors()).isNotEmpty();
		});
		assertThat(atomFeed.getLinks()).anySatisfy(l -> {
			assertThat(l.getRel()).isEqualTo("self");
			assertThat(l.getHref()).isEqualTo(BASE + "/atom.xml");
		});
	}

	@Test
	void feedsAnswerConditionalRequestsWithNotModified() {
		for (String path : List.of("/feed.xml", "/atom.xml", "/channels/synd/feed.xml", "/creators/syndwriter/feed.xml",
				"/tags/" + enc("订阅测试") + "/feed.xml")) {
			HttpResponse<String> first = browser().get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
			HttpResponse<String> byEtag = browser().get(path, "If-None-Match", etag);
			assertThat(byEtag.statusCode()).as(path).isEqualTo(304);
			assertThat(byEtag.body()).isEmpty();
			HttpResponse<String> byDate = browser().get(path, "If-Modified-Since", lastModified);
			assertThat(byDate.statusCode()).as(path).isEqualTo(304);
			assertThat(browser().get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void channelCreatorAndTagFeedsCarryCategoriesLabelsAndTheCoverAsEnclosure() throws Exception {
		String link = BASE + "/articles/" + articleId("synd-cover");
		for (String path : List.of("/channels/synd/feed.xml", "/creators/syndwriter/feed.xml",
				"/tags/" + enc("订阅测试") + "/feed.xml", "/tags/" + enc("诗 词") + "/feed.xml")) {
			HttpResponse<String> response = browser().get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			SyndFeed feed = parse(response.body());
			SyndEntry entry = entry(feed, link);
			assertThat(entry.getTitle()).isEqualTo("有封面的原创文章");
			assertThat(entry.getCategories().stream().map(SyndCategory::getName)).contains("synd", "订阅测试", "诗 词", "原创",
					"AI辅助创作");
			assertThat(entry.getEnclosures()).singleElement().satisfies(enclosure -> {
				assertThat(enclosure.getUrl()).isEqualTo(cover());
				assertThat(enclosure.getType()).isEqualTo(Feeds.imageType(cover()));
			});
			// the same picture as Media RSS, and as the second parser sees it
			Document doc = dom(response.body());
			NodeList items = doc.getElementsByTagNameNS("*", "item").getLength() > 0
					? doc.getElementsByTagNameNS("*", "item") : doc.getElementsByTagNameNS("*", "entry");
			boolean found = false;
			for (int i = 0; i < items.getLength(); i++) {
				Element item = (Element) items.item(i);
				if (item.getTextContent().contains("有封面的原创文章")) {
					Element media = (Element) item.getElementsByTagNameNS(FeedSpec.MEDIA_RSS, "content").item(0);
					assertThat(media).as(path + " media:content").isNotNull();
					assertThat(media.getAttribute("url")).isEqualTo(cover());
					assertThat(media.getAttribute("medium")).isEqualTo("image");
					assertThat(media.getAttribute("type")).isEqualTo(Feeds.imageType(cover()));
					found = true;
				}
			}
			assertThat(found).as(path).isTrue();
			Item second = independently(response.body()).stream()
				.filter(i -> i.getGuid().orElse("").equals(link))
				.findFirst()
				.orElseThrow();
			assertThat(second.getEnclosure()).hasValueSatisfying(enclosure -> {
				assertThat(enclosure.getUrl()).isEqualTo(cover());
				assertThat(enclosure.getType()).isEqualTo(Feeds.imageType(cover()));
			});
			assertThat(second.getCategories()).contains("原创", "AI辅助创作", "订阅测试");
		}
		// Atom carries the picture too: an enclosure link and media:content
		String atom = browser().get("/atom.xml").body();
		SyndEntry atomEntry = entry(parse(atom), link);
		assertThat(atomEntry.getLinks()).anySatisfy(l -> {
			assertThat(l.getRel()).isEqualTo("enclosure");
			assertThat(l.getHref()).isEqualTo(cover());
		});
		assertThat(dom(atom).getElementsByTagNameNS(FeedSpec.MEDIA_RSS, "content").getLength())
			.isGreaterThanOrEqualTo(1);
		SyndFeed tagFeed = parse(browser().get("/tags/" + enc("诗 词") + "/feed.xml").body());
		assertThat(tagFeed.getEntries()).hasSize(1);
		assertThat(tagFeed.getLink()).isEqualTo(BASE + "/tags/" + enc("诗 词"));
		SyndFeed channelFeed = parse(browser().get("/channels/synd/feed.xml").body());
		assertThat(channelFeed.getEntries()).hasSize(2);
		assertThat(channelFeed.getLink()).isEqualTo(BASE + "/channels/synd");
	}

	@Test
	void hostileTitleAndBodyGiveWellFormedInertFeeds() throws Exception {
		String link = BASE + "/articles/" + articleId("synd-hostile");
		for (String path : List.of("/feed.xml", "/atom.xml", "/channels/synd/feed.xml", "/creators/syndwriter/feed.xml",
				"/tags/" + enc("订阅测试") + "/feed.xml", "/tags/" + enc("<i>粗&'\"") + "/feed.xml")) {
			HttpResponse<String> response = browser().get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Document doc = dom(response.body());
			// nothing became markup: no script or img element anywhere, in any namespace
			assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).as(path).isZero();
			assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).as(path).isZero();
			assertThat(doc.getElementsByTagNameNS("*", "i").getLength()).as(path).isZero();
			SyndFeed feed = parse(response.body());
			SyndEntry entry = entry(feed, link);
			// the title survives as text, minus what XML cannot carry
			assertThat(entry.getTitle()).isEqualTo(HOSTILE_TITLE.replace("\u000b", "").replace("\u000c", ""));
			assertThat(entry.getCategories().stream().map(SyndCategory::getName)).contains("<i>粗&'\"", "内容由AI生成");
			assertThat(entry.getDescription().getValue()).doesNotContain("<script").doesNotContain("onerror");
			if (fullText) {
				// the sanitized body, as escaped text: script and event handlers were
				// removed before storage
				assertThat(entry.getContents()).singleElement()
					.satisfies(c -> assertThat(c.getValue()).contains("正文")
						.doesNotContain("<script")
						.doesNotContain("onerror")
						.doesNotContain("javascript:"));
			}
		}
	}

	@Test
	void unknownChannelCreatorOrTagFeedIsNotFound() {
		assertThat(browser().get("/channels/no-such-channel/feed.xml").statusCode()).isEqualTo(404);
		assertThat(browser().get("/creators/nosuchcreator/feed.xml").statusCode()).isEqualTo(404);
		assertThat(browser().get("/tags/" + enc("没有这个标签") + "/feed.xml").statusCode()).isEqualTo(404);
	}

	@Test
	void htmlPagesAdvertiseTheirFeeds() {
		Map<String, String> pages = Map.of("/", "/feed.xml", "/channels/synd", "/channels/synd/feed.xml",
				"/creators/syndwriter", "/creators/syndwriter/feed.xml", "/tags/" + enc("订阅测试"),
				"/tags/" + enc("订阅测试") + "/feed.xml");
		pages.forEach((page, feed) -> {
			Browser.Page html = browser().page(page);
			assertThat(html.status()).as(page).isEqualTo(200);
			assertThat(html.html().select("link[rel=alternate][type=application/rss+xml]").attr("href")).as(page)
				.isEqualTo(feed);
			assertThat(browser().get(feed).statusCode()).as(feed).isEqualTo(200);
		});
		assertThat(browser().page("/").html().select("link[rel=alternate][type=application/atom+xml]").attr("href"))
			.isEqualTo("/atom.xml");
	}

	// ---------------------------------------------------------------- tag pages

	@Test
	void tagPagesListTaggedArticlesAndArticleTagsLinkToThem() {
		long id = articleId("synd-cover");
		Browser.Page article = browser().page("/articles/" + id);
		List<String> hrefs = article.testId("tags").select("a[rel=tag]").eachAttr("href");
		assertThat(hrefs).containsExactly("/tags/" + enc("订阅测试"), "/tags/" + enc("诗 词"));

		Browser.Page tag = browser().page(hrefs.get(0));
		assertThat(tag.status()).isEqualTo(200);
		assertThat(tag.html().title()).contains("订阅测试");
		assertThat(tag.html().select("meta[name=description]").attr("content")).contains("订阅测试");
		assertThat(tag.html().select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/tags/" + enc("订阅测试"));
		List<String> links = tag.testId("tag-articles").select("a[href^=/articles/]").eachAttr("href");
		assertThat(links).contains("/articles/" + id, "/articles/" + articleId("synd-hostile"));

		// a hostile tag is text on its page
		Browser.Page hostile = browser().page("/tags/" + enc("<i>粗&'\""));
		assertThat(hostile.status()).isEqualTo(200);
		assertThat(hostile.testId("tag-articles").select("i")).isEmpty();
		assertThat(hostile.html().select("h1").text()).contains("<i>粗&'\"");

		assertThat(browser().get("/tags/" + enc("没有这个标签")).statusCode()).isEqualTo(404);
		// a substring of a tag is not the tag
		assertThat(browser().get("/tags/" + enc("订阅")).statusCode()).isEqualTo(404);
	}

	@Test
	void tagPagesPageByKeyset() {
		// 25 articles share a tag: two pages, no repeats, newest first
		StringBuilder jsonl = new StringBuilder();
		ObjectMapper json = new ObjectMapper();
		for (int i = 0; i < 25; i++) {
			jsonl
				.append(json.writeValueAsString(Map.of("id", "synd-paged-" + i, "creator", "syndpager", "channel",
						"synd-paged", "title", "分页文章 " + i, "body_markdown", "正文 " + i, "published_at",
						OffsetDateTime.of(2024, 3, 1 + i, 8, 0, 0, 0, ZoneOffset.UTC).toString(), "tags", "分页标签")))
				.append('\n');
		}
		try {
			assertThat(importer
				.importLines(new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)), null)
				.imported()).isEqualTo(25);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		Browser.Page first = browser().page("/tags/" + enc("分页标签"));
		List<String> one = first.testId("tag-articles").select("a[href^=/articles/]").eachAttr("href");
		assertThat(one).hasSize(20).doesNotHaveDuplicates();
		String next = first.testId("next-page").attr("href");
		assertThat(next).startsWith("/tags/" + enc("分页标签") + "?after=");
		Browser.Page second = browser().page(next);
		assertThat(second.html().title()).contains("分页标签");
		List<String> two = second.testId("tag-articles").select("a[href^=/articles/]").eachAttr("href");
		assertThat(two).hasSize(5).doesNotContainAnyElementsOf(one);
		assertThat(second.html().select("[data-testid=next-page]")).isEmpty();
	}

	// ---------------------------------------------------------------- sitemaps and
	// robots

	/**
	 * The official sitemaps.org urlset schema, with the news extension it lets in
	 * (src/test/resources/xsd).
	 */
	static final Schema URLSET_SCHEMA = schema("/xsd/sitemap-news-0.9.xsd", "/xsd/sitemap.xsd");

	/** The official sitemaps.org sitemap-index schema. */
	static final Schema INDEX_SCHEMA = schema("/xsd/siteindex.xsd");

	private static Schema schema(String... resources) {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			Source[] sources = new Source[resources.length];
			for (int i = 0; i < resources.length; i++) {
				sources[i] = new StreamSource(SyndicationContract.class.getResource(resources[i]).toString());
			}
			return factory.newSchema(sources);
		}
		catch (SAXException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Fetches a sitemap, validates it against the schema and returns its DOM. */
	Document sitemap(String path) throws Exception {
		HttpResponse<String> response = browser().get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/xml");
		Document doc = dom(response.body());
		(doc.getDocumentElement().getLocalName().equals("sitemapindex") ? INDEX_SCHEMA : URLSET_SCHEMA).newValidator()
			.validate(new StreamSource(new StringReader(response.body())));
		NodeList locs = doc.getElementsByTagNameNS(Sitemaps.NS, "loc");
		assertThat(locs.getLength()).as(path).isLessThanOrEqualTo(Sitemaps.MAX_URLS);
		for (int i = 0; i < locs.getLength(); i++) {
			assertThat(locs.item(i).getTextContent()).as(path).startsWith(BASE + "/");
		}
		return doc;
	}

	static List<String> texts(Document doc, String ns, String name) {
		NodeList nodes = doc.getElementsByTagNameNS(ns, name);
		List<String> out = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add(nodes.item(i).getTextContent());
		}
		return out;
	}

	@Test
	void sitemapIndexNamesMonthlyArticleChannelCreatorAndNewsSitemapsThatValidate() throws Exception {
		Document index = sitemap("/sitemap.xml");
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		List<String> sitemaps = texts(index, Sitemaps.NS, "loc");
		assertThat(sitemaps).contains(BASE + "/sitemaps/pages.xml", BASE + "/sitemaps/channels.xml",
				BASE + "/sitemaps/creators.xml", BASE + "/sitemaps/news.xml", BASE + "/sitemaps/articles-2023-01.xml",
				BASE + "/sitemaps/articles-2023-05.xml");
		// the fixture spans January to May 2023, the test articles now
		long total = 0;
		for (String loc : sitemaps) {
			Document map = sitemap(loc.substring(BASE.length()));
			assertThat(map.getDocumentElement().getLocalName()).isEqualTo("urlset");
			if (loc.contains("/articles-")) {
				total += texts(map, Sitemaps.NS, "loc").size();
			}
		}
		long published = jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'published'")
			.query(Long.class)
			.single();
		assertThat(total).isEqualTo(published);

		Document channels = sitemap("/sitemaps/channels.xml");
		assertThat(texts(channels, Sitemaps.NS, "loc")).contains(BASE + "/channels/synd",
				BASE + "/channels/poetry-tang");
		Document creators = sitemap("/sitemaps/creators.xml");
		assertThat(texts(creators, Sitemaps.NS, "loc")).contains(BASE + "/creators/syndwriter");

		// the schemas really check: an empty urlset, a URL without <loc>, news without
		// its publication are refused
		for (String broken : List.of("<urlset xmlns=\"" + Sitemaps.NS + "\"/>",
				"<urlset xmlns=\"" + Sitemaps.NS + "\"><url><lastmod>2024-01-01</lastmod></url></urlset>",
				"<urlset xmlns=\"" + Sitemaps.NS + "\" xmlns:news=\"" + Sitemaps.NEWS_NS + "\"><url><loc>" + BASE
						+ "/articles/1</loc><news:news><news:title>t</news:title></news:news></url></urlset>",
				"<sitemapindex xmlns=\"" + Sitemaps.NS + "\"><sitemap><loc>x</loc></sitemap></sitemapindex>")) {
			Schema schema = broken.startsWith("<sitemapindex") ? INDEX_SCHEMA : URLSET_SCHEMA;
			Assertions
				.assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(broken))))
				.as(broken)
				.isInstanceOf(SAXException.class);
		}
	}

	@Test
	void articleSitemapsGiveTheRealLastModification() throws Exception {
		long id = articleId("synd-cover");
		long published = jdbc.sql("SELECT published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		String month = YearMonth.from(Instant.ofEpochMilli(published).atZone(ZoneOffset.UTC)).toString();
		Document map = sitemap("/sitemaps/articles-" + month + ".xml");
		NodeList urls = map.getElementsByTagNameNS(Sitemaps.NS, "url");
		String lastmod = null;
		for (int i = 0; i < urls.getLength(); i++) {
			Element url = (Element) urls.item(i);
			if (url.getElementsByTagNameNS(Sitemaps.NS, "loc")
				.item(0)
				.getTextContent()
				.equals(BASE + "/articles/" + id)) {
				lastmod = url.getElementsByTagNameNS(Sitemaps.NS, "lastmod").item(0).getTextContent();
			}
		}
		// imported and never edited here: its own date, not the import time
		assertThat(lastmod).isEqualTo(Instant.ofEpochMilli(published).truncatedTo(ChronoUnit.SECONDS).toString());
		assertThat(browser().get("/sitemaps/articles-1999-01.xml").statusCode()).isEqualTo(404);
		assertThat(browser().get("/sitemaps/articles-2023-13.xml").statusCode()).isEqualTo(404);
		assertThat(browser().get("/sitemaps/articles-2023-01-2.xml").statusCode()).isEqualTo(404);
		assertThat(browser().get("/sitemaps/articles-nonsense.xml").statusCode()).isEqualTo(404);
	}

	@Test
	void newsSitemapHasTheLastTwoDaysWithPublicationNameAndLanguage() throws Exception {
		Document news = sitemap("/sitemaps/news.xml");
		List<String> locs = texts(news, Sitemaps.NS, "loc");
		assertThat(locs).contains(BASE + "/articles/" + articleId("synd-cover"),
				BASE + "/articles/" + articleId("synd-hostile"));
		// the fixture is from 2023: not news
		assertThat(locs).doesNotContain(BASE + "/articles/"
				+ jdbc.sql("SELECT id FROM articles WHERE import_key LIKE 'id:classics%' ORDER BY id LIMIT 1")
					.query(Long.class)
					.single());
		assertThat(texts(news, Sitemaps.NEWS_NS, "name")).containsOnly("砚 Inkstone");
		assertThat(texts(news, Sitemaps.NEWS_NS, "language")).containsOnly("zh-cn");
		assertThat(texts(news, Sitemaps.NEWS_NS, "title")).contains("有封面的原创文章",
				HOSTILE_TITLE.replace("\u000b", "").replace("\u000c", ""));
		assertThat(news.getElementsByTagNameNS("*", "script").getLength()).isZero();
	}

	@Test
	void robotsNamesTheSitemapIndexAndKeepsPrivateAndSearchPagesOut() {
		HttpResponse<String> robots = browser().header("X-Forwarded-Host", "evil.example").get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /search", "Disallow: /studio",
				"Disallow: /admin", "Disallow: /api", "Sitemap: " + BASE + "/sitemap.xml");
		assertThat(robots.body()).doesNotContain("evil.example");
		Browser.Page search = browser().page("/search?q=" + enc("李白"));
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.html().select("meta[name=robots]").attr("content")).contains("noindex");
		assertThat(browser().page("/").html().select("meta[name=robots]")).isEmpty();
	}

	// ---------------------------------------------------------------- publish pings

	@Test
	void freshPublicationsArePingedToBaiduAndIndexNowAfterCommitWithRetries() throws Exception {
		PingReceiver pings = pings();
		String cover = BASE + "/articles/" + articleId("synd-cover");
		String hostile = BASE + "/articles/" + articleId("synd-hostile");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> pings.baidu.stream().anyMatch(c -> c.body().contains(cover))
					&& pings.indexNow.stream().anyMatch(c -> c.body().contains(cover)));
		// Baidu: text/plain URL lines to /urls?site=&token=, retried after the first 500
		assertThat(pings.baiduCalls.get()).as("the first call got 500 and was retried").isGreaterThanOrEqualTo(2);
		PingReceiver.Call baidu = pings.baidu.stream().filter(c -> c.body().contains(cover)).findFirst().orElseThrow();
		assertThat(baidu.contentType()).startsWith("text/plain");
		assertThat(baidu.query()).isEqualTo("site=" + enc(BASE) + "&token=" + PingReceiver.BAIDU_TOKEN);
		assertThat(baidu.body().lines()).contains(cover);
		// IndexNow: {host, key, urlList}
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> pings.indexNow.stream().anyMatch(c -> c.body().contains(hostile)));
		PingReceiver.Call indexNow = pings.indexNow.stream()
			.filter(c -> c.body().contains(cover))
			.findFirst()
			.orElseThrow();
		assertThat(indexNow.contentType()).startsWith("application/json");
		JsonNode body = new ObjectMapper().readTree(indexNow.body());
		assertThat(body.get("host").asString()).isEqualTo("news.example");
		assertThat(body.get("key").asString()).isEqualTo(PingReceiver.INDEXNOW_KEY);
		assertThat(body.get("urlList").toString()).contains(cover);
		// every URL once per endpoint, and the imported archive (published long ago)
		// pinged nobody
		List<String> sent = new ArrayList<>();
		pings.indexNow
			.forEach(c -> new ObjectMapper().readTree(c.body()).get("urlList").forEach(u -> sent.add(u.asString())));
		assertThat(sent).doesNotHaveDuplicates();
		long old = System.currentTimeMillis() - Duration.ofDays(3).toMillis();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM publish_pings p JOIN articles a ON a.id = p.article_id"
					+ " WHERE a.published_at < :old")
			.param("old", old)
			.query(Long.class)
			.single()).isZero();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT status FROM publish_pings WHERE article_id = :id")
				.param("id", articleId("synd-cover"))
				.query(String.class)
				.list()
				.equals(List.of("delivered", "delivered")));
	}

	@Test
	void theIndexNowKeyFileIsServedAndNoOtherKey() {
		HttpResponse<String> key = browser().get("/" + PingReceiver.INDEXNOW_KEY + ".txt");
		assertThat(key.statusCode()).isEqualTo(200);
		assertThat(key.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(key.body()).isEqualTo(PingReceiver.INDEXNOW_KEY);
		assertThat(browser().get("/" + PingReceiver.BAIDU_TOKEN + ".txt").statusCode()).isEqualTo(404);
		assertThat(browser().get("/abcdefgh1234.txt").statusCode()).isEqualTo(404);
		assertThat(browser().get("/robots.txt").statusCode()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- link previews

	static String meta(org.jsoup.nodes.Document html, String property) {
		org.jsoup.nodes.Element el = html.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
		return el == null ? null : el.attr("content");
	}

	@Test
	void articlePagesCarryCanonicalHreflangOpenGraphTwitterAndJsonLd() throws Exception {
		long id = articleId("synd-cover");
		String canonical = BASE + "/articles/" + id;
		long published = jdbc.sql("SELECT published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		// twice: the second answer comes from the rendered-page cache and must carry the
		// same head
		for (String path : List.of("/articles/" + id + "?utm_source=x&shared=1", "/articles/" + id + "?lang=en",
				"/articles/" + id)) {
			org.jsoup.nodes.Document html = browser().header("X-Forwarded-Host", "evil.example").page(path).html();
			assertThat(html.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(canonical);
			assertThat(html.select("link[rel=alternate][hreflang=zh-CN]").attr("href")).isEqualTo(canonical);
			assertThat(html.select("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo(canonical + "?lang=en");
			assertThat(html.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(canonical);
			assertThat(meta(html, "og:type")).isEqualTo("article");
			assertThat(meta(html, "og:title")).isEqualTo("有封面的原创文章");
			assertThat(meta(html, "og:description")).isNotBlank();
			assertThat(meta(html, "og:url")).isEqualTo(canonical);
			assertThat(meta(html, "og:site_name")).isEqualTo("砚 Inkstone");
			assertThat(meta(html, "og:image")).isEqualTo(cover()); // the
																	// cover
			assertThat(meta(html, "article:published_time")).isEqualTo(Instant.ofEpochMilli(published).toString());
			assertThat(meta(html, "article:modified_time")).isEqualTo(Instant.ofEpochMilli(published).toString());
			assertThat(meta(html, "article:author")).isEqualTo(BASE + "/creators/syndwriter");
			assertThat(meta(html, "article:section")).isEqualTo("synd");
			assertThat(html.select("meta[property=article:tag]").eachAttr("content")).containsExactly("订阅测试", "诗 词");
			assertThat(meta(html, "twitter:card")).isEqualTo("summary_large_image");
			assertThat(meta(html, "twitter:image")).isEqualTo(cover());
			assertThat(html.outerHtml()).doesNotContain("evil.example");
			var ld = new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data());
			assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
			assertThat(ld.get("url").asString()).isEqualTo(canonical);
			assertThat(ld.get("mainEntityOfPage").get("@id").asString()).isEqualTo(canonical);
			assertThat(ld.get("image").get(0).asString()).isEqualTo(cover());
			assertThat(ld.get("publisher").get("logo").get("url").asString()).isEqualTo(BASE + "/img/logo.png");
			var crumbs = new ObjectMapper().readTree(html.selectFirst("script[data-testid=json-ld-breadcrumb]").data());
			assertThat(crumbs.get("@type").asString()).isEqualTo("BreadcrumbList");
			assertThat(crumbs.get("itemListElement").findValuesAsString("item")).containsExactly(BASE + "/",
					BASE + "/channels/synd", canonical);
			assertThat(crumbs.get("itemListElement").findValuesAsString("name")).containsExactly("砚 Inkstone", "synd",
					"有封面的原创文章");
			assertThat(ld.get("author").get("url").asString()).isEqualTo(BASE + "/creators/syndwriter");
			// imported and never edited here: modified = its own publication time, not
			// the import time
			assertThat(ld.get("dateModified").asString()).isEqualTo(Instant.ofEpochMilli(published).toString());
		}
	}

	@Test
	void articleWithoutImagesHasNoShareImageAndHostileTitlesStayInAttributes() throws Exception {
		org.jsoup.nodes.Document hostile = browser().page("/articles/" + articleId("synd-hostile")).html();
		assertThat(meta(hostile, "og:title")).isEqualTo(HOSTILE_TITLE);
		assertThat(meta(hostile, "og:image")).isEqualTo(BASE + "/img/logo.png"); // no
																					// image:
																					// the
																					// site
																					// logo
		assertThat(meta(hostile, "twitter:card")).isEqualTo("summary");
		assertThat(hostile.head()
			.select("script:not([type=application/ld+json]):not([src=/js/inkstone.js]):not([src=/js/prefs.js]), img, b, i"))
			.isEmpty();
		var ld = new ObjectMapper().readTree(hostile.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("headline").asString()).isEqualTo(HOSTILE_TITLE);
		assertThat(ld.get("image").get(0).asString()).isEqualTo(BASE + "/img/logo.png");
		assertThat(hostile.selectFirst("script[data-testid=json-ld-breadcrumb]").data()).doesNotContain("<")
			.doesNotContain(">");
		assertThat(browser().get("/img/logo.png").statusCode()).isEqualTo(200);
	}

	static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color((width * 7) % 255, 90, 160));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Autowired
	Media media;

	@Test
	void hotLinkedAndSmallBodyImagesAreNeitherEnclosureNorCardPicture() throws Exception {
		long creator = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", articleId("synd-cover"))
			.query(Long.class)
			.single();
		String small = media.upload(creator, png(120, 120), "小").url();
		String big = media.upload(creator, png(700, 400), "大").url();
		String at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5).withNano(0).toString();
		ObjectMapper json = new ObjectMapper();
		String ext = json.writeValueAsString(Map.of("id", "synd-ext", "creator", "syndwriter", "channel", "synd-ext",
				"title", "外链图", "published_at", at, "body_markdown", "正文。\n\n![t](http://127.0.0.1:18417/track.png)"));
		String own = json.writeValueAsString(Map.of("id", "synd-own", "creator", "syndwriter", "channel", "synd-own",
				"title", "自有图", "published_at", at, "body_markdown",
				"![t](http://127.0.0.1:18417/track.png)\n\n![小](" + small + ")\n\n![大](" + big + ")"));
		assertThat(importer
			.importLines(new ByteArrayInputStream((ext + "\n" + own + "\n").getBytes(StandardCharsets.UTF_8)), null)
			.imported()).isEqualTo(2);
		// neither import stored a hot-linked cover; a legacy row may have one, and a
		// creator may pick an icon-sized upload: neither is the article's picture
		jdbc.sql("UPDATE articles SET cover_image = :c WHERE id = :id")
			.param("c", "http://127.0.0.1:18417/track.png")
			.param("id", articleId("synd-ext"))
			.update();
		jdbc.sql("UPDATE articles SET cover_image = :c WHERE id = :id")
			.param("c", small)
			.param("id", articleId("synd-own"))
			.update();
		// only an external image: no enclosure, no card picture, the logo as share image
		SyndEntry entry = entry(parse(browser().get("/channels/synd-ext/feed.xml").body()),
				BASE + "/articles/" + articleId("synd-ext"));
		assertThat(entry.getEnclosures()).isEmpty();
		assertThat(browser().get("/channels/synd-ext/feed.xml").body()).doesNotContain("media:content");
		assertThat(browser().page("/channels/synd-ext").html().select("main img[src*=127.0.0.1]")).isEmpty();
		org.jsoup.nodes.Document extPage = browser().page("/articles/" + articleId("synd-ext")).html();
		assertThat(meta(extPage, "og:image")).doesNotContain("127.0.0.1");
		assertThat(meta(extPage, "twitter:image")).doesNotContain("127.0.0.1");
		assertThat(extPage.select("script[type=application/ld+json]")).isNotEmpty()
			.allSatisfy(ld -> assertThat(ld.data()).doesNotContain("127.0.0.1"));
		// the API follows the same rule: no picture rather than the legacy hot-linked
		// cover, in the article and in every list
		JsonNode extApi = new ObjectMapper()
			.readTree(browser().get("/api/v1/articles/" + articleId("synd-ext")).body());
		assertThat(extApi.get("title").asString()).isEqualTo("外链图");
		assertThat(extApi.has("coverImage")).as(extApi.toString()).isFalse();
		JsonNode extList = new ObjectMapper().readTree(browser().get("/api/v1/articles?channel=synd-ext").body());
		assertThat(extList.get("items")).singleElement()
			.satisfies(item -> assertThat(item.has("coverImage")).isFalse());
		assertThat(browser().get("/api/v1/articles?limit=50").body()).doesNotContain("127.0.0.1");
		assertThat(browser().get("/api/v1/hot?limit=50").body()).doesNotContain("127.0.0.1");
		// an own image of at least 300 px: the enclosure; the small own one and the
		// external one are skipped
		SyndEntry ownEntry = entry(parse(browser().get("/channels/synd-own/feed.xml").body()),
				BASE + "/articles/" + articleId("synd-own"));
		assertThat(ownEntry.getEnclosures()).singleElement()
			.satisfies(e -> assertThat(e.getUrl()).isEqualTo(BASE + big));
		var card = browser().page("/channels/synd-own").html();
		assertThat(card.select("main img[src*=127.0.0.1]")).isEmpty();
		// the card's picture follows the same rule: the large own image, not the small
		// one
		assertThat(card.select("main img[data-testid=card-cover]").eachAttr("src")).containsExactly(big);
		assertThat(browser().page("/creators/syndwriter").html().select("main img[src=" + small + "]")).isEmpty();
		assertThat(browser().page("/").html().select("main img[src=" + small + "]")).isEmpty();
		assertThat(meta(browser().page("/articles/" + articleId("synd-own")).html(), "og:image")).isEqualTo(BASE + big);
		// and the API's picture is that one too, not the small cover
		JsonNode ownApi = new ObjectMapper()
			.readTree(browser().get("/api/v1/articles/" + articleId("synd-own")).body());
		assertThat(ownApi.get("coverImage").asString()).isEqualTo(BASE + big);
		JsonNode ownList = new ObjectMapper().readTree(browser().get("/api/v1/articles?channel=synd-own").body());
		assertThat(ownList.get("items")).singleElement()
			.satisfies(item -> assertThat(item.get("coverImage").asString()).isEqualTo(BASE + big));
	}

	@Test
	void theShareImageIsTheFirstOwnBodyImageOfAtLeast300Pixels() throws Exception {
		long creator = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", articleId("synd-cover"))
			.query(Long.class)
			.single();
		String small = media.upload(creator, png(200, 200), "小图").url();
		String narrow = media.upload(creator, png(800, 250), "扁图").url();
		String big = media.upload(creator, png(640, 480), "大图").url();
		String at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(4).withNano(0).toString();
		String line = new ObjectMapper()
			.writeValueAsString(Map.of("id", "synd-share", "creator", "syndwriter", "channel", "synd-share", "title",
					"分享图规则", "published_at", at, "body_markdown", "![外站](https://img.example/x.png)\n\n![小](" + small
							+ ")\n\n![扁](" + narrow + ")\n\n![大](" + big + ")"));
		assertThat(importer.importLines(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), null)
			.imported()).isEqualTo(1);
		// an import takes the first body image as the cover; without a cover the body
		// rule applies
		jdbc.sql("UPDATE articles SET cover_image = NULL WHERE id = :id").param("id", articleId("synd-share")).update();
		org.jsoup.nodes.Document html = browser().page("/articles/" + articleId("synd-share")).html();
		assertThat(meta(html, "og:image")).isEqualTo(BASE + big);
		assertThat(meta(html, "twitter:card")).isEqualTo("summary_large_image");
		var ld = new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("image").get(0).asString()).isEqualTo(BASE + big);
		// body images of the site's own media: renditions, sizes and dimensions; lazy but
		// the first
		var images = html.select("[data-testid=body] img");
		assertThat(images).hasSize(4);
		assertThat(images.get(0).attr("src")).isEqualTo("https://img.example/x.png");
		assertThat(
				images.get(0).hasAttr("loading") || images.get(0).hasAttr("srcset") || images.get(0).hasAttr("width"))
			.isFalse();
		var large = images.get(3);
		assertThat(large.attr("width")).isEqualTo("640");
		assertThat(large.attr("height")).isEqualTo("480");
		assertThat(large.attr("sizes")).isNotBlank();
		assertThat(large.attr("srcset")).contains(big.replace("/full.", "/480.") + " 480w").contains(big + " 640w");
		assertThat(large.attr("loading")).isEqualTo("lazy");
		assertThat(images.get(1).attr("width")).isEqualTo("200"); // small, but still our
																	// own
		assertThat(images.get(1).attr("srcset")).endsWith(small + " 200w");
	}

	@Test
	void laterListingPagesSayTheirNumberInTheTitle() {
		for (String path : List.of("/", "/channels/poetry-tang")) {
			org.jsoup.nodes.Document first = browser().page(path).html();
			assertThat(first.title()).as(path).doesNotContain("第");
			String second = first.selectFirst("[data-testid=next-page]").attr("href");
			assertThat(second).contains("&p=2");
			org.jsoup.nodes.Document two = browser().page(second).html();
			assertThat(two.title()).as(second).contains("（第 2 页）");
			if (path.equals("/")) {
				assertThat(two.selectFirst("[data-testid=next-page]").attr("href")).contains("&p=3");
			}
			assertThat(browser().page(second + "&lang=en").html().title()).contains("(page 2)");
			// an odd number is only a title: the page still answers
			assertThat(browser().page(second.replace("&p=2", "&p=abc")).html().title()).contains("（第 2 页）");
		}
	}

	@Test
	void listingPagesHaveTheirOwnTitleAndDescription() {
		Map<String, String> titles = new HashMap<>();
		for (String path : List.of("/", "/channels/synd", "/creators/syndwriter", "/tags/" + enc("订阅测试"))) {
			org.jsoup.nodes.Document html = browser().page(path).html();
			assertThat(meta(html, "description")).as(path).isNotBlank();
			assertThat(titles.put(html.title(), path)).as(path + " shares its title").isNull();
		}
	}

}
