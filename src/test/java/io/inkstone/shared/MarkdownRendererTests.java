package io.inkstone.shared;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	@Test
	void keepsPoemLineBreaks() {
		Document html = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("床前明月光，\n疑是地上霜。"));
		assertThat(html.select("p br")).hasSize(1);
		assertThat(html.text()).isEqualTo("床前明月光， 疑是地上霜。");
	}

	@Test
	void neutralisesHostileHtmlAndUrls() {
		String hostile = """
				<script>alert(1)</script>
				<img src=x onerror=alert(1)>
				<a href="javascript:alert(1)">点我</a>
				[链接](javascript:alert(2))
				<svg onload=alert(3)><circle/></svg>
				<iframe src="https://evil.example"></iframe>
				<p style="background:url(javascript:alert(4))" onclick="x()">文字</p>
				""";
		String html = MarkdownRenderer.toSafeHtml(hostile);
		Document doc = Jsoup.parseBodyFragment(html);
		assertThat(doc.select("script, svg, iframe, [onerror], [onclick], [onload], [style]")).isEmpty();
		assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
			.map(a -> a.getValue().toLowerCase())).noneMatch(v -> v.contains("javascript:"));
		assertThat(html).doesNotContain("alert(3)");
		Document markdownLink = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("[链接](javascript:alert(2))"));
		assertThat(markdownLink.select("a[href]")).isEmpty();
		assertThat(markdownLink.text()).isEqualTo("链接");
		assertThat(doc.text()).contains("文字").contains("点我");
	}

	@Test
	void linksGetNofollowAndImagesAltAndLazyLoading() {
		Document doc = Jsoup.parseBodyFragment(
				MarkdownRenderer.toSafeHtml("[来源](https://example.org) ![山水](https://example.org/a.png)"));
		assertThat(doc.selectFirst("a").attr("rel")).contains("nofollow");
		assertThat(doc.selectFirst("img").attr("alt")).isEqualTo("山水");
		assertThat(doc.selectFirst("img").attr("loading")).isEqualTo("lazy");
	}

	@Test
	void summarizesAtCodePointBoundaries() {
		assertThat(MarkdownRenderer.summarize("一二三四五六", 3)).isEqualTo("一二三…");
		assertThat(MarkdownRenderer.summarize("𠀀𠀁𠀂𠀃", 2)).isEqualTo("𠀀𠀁…");
		assertThat(MarkdownRenderer.summarize(" 短 ", 10)).isEqualTo("短");
	}

}
