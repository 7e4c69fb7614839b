package io.inkstone.syndication;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.inkstone.articles.Articles;
import io.inkstone.articles.SitemapEntry;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SiteSettings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The sitemap index and the 50,000-URL split without a database: what the index names for
 * a quiet day and for a month too large for one sitemap, each document validated against
 * the official sitemaps.org schemas.
 */
class SitemapsTests {

	static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	Articles articles = mock(Articles.class);

	Channels channels = mock(Channels.class);

	Creators creators = mock(Creators.class);

	Sitemaps sitemaps;

	@BeforeEach
	void setUp() {
		// the real one, not a mock: a mock records every one of the 50,000 calls of the
		// full month (seconds on a busy machine), and this one builds links as the site
		// does
		PublicUrl publicUrl = new PublicUrl(new InkstoneProperties(null, "test", null, null, null, null, null, false,
				null, null, "https://news.example"), new MockEnvironment(), null);
		SiteSettings properties = mock(SiteSettings.class);
		when(properties.siteName()).thenReturn("砚 Inkstone");
		sitemaps = new Sitemaps(articles, channels, creators, publicUrl, properties,
				Optional.of(Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	static Schema schema(String resource) throws Exception {
		return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new StreamSource(SitemapsTests.class.getResource(resource).toString()));
	}

	static void validIndex(String xml) throws Exception {
		schema("/xsd/siteindex.xsd").newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	static void validUrlset(String xml) throws Exception {
		schema("/xsd/sitemap.xsd").newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	@Test
	void onAQuietDayTheIndexLeavesTheEmptyNewsSitemapOut() throws Exception {
		long fiveDaysAgo = NOW.minusSeconds(86_400 * 5).toEpochMilli();
		when(articles.newestPublishedByChannel()).thenReturn(Map.of(1L, fiveDaysAgo));
		when(channels.byId()).thenReturn(Map.of(1L, new Channel(1L, "synd", "聚合", 1, false, false)));
		when(articles.newestPublishedByCreator()).thenReturn(Map.of(7L, fiveDaysAgo));
		when(creators.getAll(List.of(7L)))
			.thenReturn(Map.of(7L, new Creator(7L, "writer", "作者", null, "", "个人", false, null)));
		when(articles.publishedPerMonth()).thenReturn(new TreeMap<>(Map.of(YearMonth.of(2026, 11),
				new Articles.MonthStats(3, NOW.minusSeconds(86_400 * 5).toEpochMilli()))));
		when(articles.publishedSince(anyLong(), anyInt())).thenReturn(List.of());
		String index = sitemaps.index();
		validIndex(index);
		assertThat(index)
			.contains("https://news.example/sitemaps/channels.xml", "https://news.example/sitemaps/creators.xml",
					"https://news.example/sitemaps/articles-2026-11.xml")
			.doesNotContain("news.xml");
		validUrlset(sitemaps.channels().orElseThrow());
		validUrlset(sitemaps.creators().orElseThrow());
		// asked for directly, the empty news sitemap is not there (404) rather than an
		// invalid empty urlset
		assertThat(sitemaps.news()).isEmpty();
	}

	@Test
	void aSiteWithoutPublicArticlesNamesOnlyItsPagesSitemapAndBothValidate() throws Exception {
		when(articles.newestPublishedByChannel()).thenReturn(Map.of());
		when(articles.publishedPerMonth()).thenReturn(new TreeMap<>());
		when(articles.publishedSince(anyLong(), anyInt())).thenReturn(List.of());
		String index = sitemaps.index();
		// an empty <sitemapindex> is invalid: the pages sitemap is always named
		validIndex(index);
		assertThat(index.split("<sitemap>", -1)).hasSize(2);
		assertThat(index).contains("https://news.example/sitemaps/pages.xml");
		String pages = sitemaps.pages();
		validUrlset(pages);
		assertThat(pages).contains("<loc>https://news.example/</loc>", "<loc>https://news.example/hot</loc>");
		// nothing to list: no document rather than an empty <urlset/> the schema refuses
		assertThat(sitemaps.channels()).isEmpty();
		assertThat(sitemaps.creators()).isEmpty();
		assertThat(sitemaps.news()).isEmpty();
	}

	@Test
	void aMonthOfMoreThanFiftyThousandArticlesIsSplitAndEveryPartValidates() throws Exception {
		YearMonth march = YearMonth.of(2024, 3);
		long t = march.atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		when(articles.newestPublishedByChannel()).thenReturn(Map.of(1L, t));
		when(articles.publishedSince(anyLong(), anyInt())).thenReturn(List.of());
		when(articles.publishedPerMonth())
			.thenReturn(new TreeMap<>(Map.of(march, new Articles.MonthStats(2 * Sitemaps.MAX_URLS + 1, t))));
		List<SitemapEntry> full = new ArrayList<>();
		for (int i = 0; i < Sitemaps.MAX_URLS; i++) {
			full.add(new SitemapEntry(1_000_000L + i, t, t + i));
		}
		when(articles.sitemapEntries(eq(march), eq(0), eq(Sitemaps.MAX_URLS))).thenReturn(full);
		when(articles.sitemapEntries(eq(march), eq(Sitemaps.MAX_URLS), eq(Sitemaps.MAX_URLS))).thenReturn(full);
		when(articles.sitemapEntries(eq(march), eq(2 * Sitemaps.MAX_URLS), eq(Sitemaps.MAX_URLS)))
			.thenReturn(List.of(new SitemapEntry(9L, t, 0)));
		when(articles.sitemapEntries(eq(march), eq(3 * Sitemaps.MAX_URLS), eq(Sitemaps.MAX_URLS)))
			.thenReturn(List.of());

		String index = sitemaps.index();
		validIndex(index);
		assertThat(index)
			.contains("/sitemaps/articles-2024-03.xml<", "/sitemaps/articles-2024-03-2.xml<",
					"/sitemaps/articles-2024-03-3.xml<")
			.doesNotContain("articles-2024-03-4");
		String first = sitemaps.month("2024-03").orElseThrow();
		assertThat(first.split("<url>", -1).length - 1).isEqualTo(Sitemaps.MAX_URLS);
		String third = sitemaps.month("2024-03-3").orElseThrow();
		validUrlset(third);
		assertThat(third.split("<url>", -1).length - 1).isEqualTo(1);
		assertThat(sitemaps.month("2024-03-4")).isEmpty();
		assertThat(sitemaps.month("2024-13")).isEmpty();
	}

}
