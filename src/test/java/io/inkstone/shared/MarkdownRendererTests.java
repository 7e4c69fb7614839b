package io.inkstone.shared;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Optional;

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
		assertThat(doc.getAllElements()
			.stream()
			.flatMap(e -> e.attributes().asList().stream())
			.map(a -> a.getValue().toLowerCase())).noneMatch(v -> v.contains("javascript:"));
		assertThat(html).doesNotContain("alert(3)");
		Document markdownLink = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("[链接](javascript:alert(2))"));
		assertThat(markdownLink.select("a[href]")).isEmpty();
		assertThat(markdownLink.text()).isEqualTo("链接");
		assertThat(doc.text()).contains("文字").contains("点我");
	}

	@Test
	void linksGetNofollowAndImagesAltAndLazyLoading() {
		Document doc = Jsoup.parseBodyFragment(MarkdownRenderer
			.toSafeHtml("[来源](https://example.org) ![山水](https://example.org/a.png) ![二](https://example.org/b.png)"));
		assertThat(doc.selectFirst("a").attr("rel")).contains("nofollow");
		assertThat(doc.selectFirst("img").attr("alt")).isEqualTo("山水");
		assertThat(doc.select("img").eachAttr("loading")).containsExactly("lazy"); // not
																					// the
																					// first
																					// image
		assertThat(doc.select("img").get(1).attr("loading")).isEqualTo("lazy");
	}

	@Test
	void ownMediaImagesGetRenditionsSizesAndDimensionsAndNoOtherImageDoes() {
		String sha = "a".repeat(64);
		String own = "/media/" + sha + "/960.jpg";
		String srcset = "/media/" + sha + "/480.jpg 480w, /media/" + sha + "/960.jpg 960w, /media/" + sha
				+ "/full.jpg 1200w";
		String markdown = "![外](https://example.org/a.png)\n\n![自](" + own + ")\n\n"
				+ "<img src=\"https://example.org/c.png\" width=\"5000\" height=\"1\" srcset=\"https://evil.example/x.png 1w\" sizes=\"1px\" loading=\"eager\">"
				+ "\n\n<img src=\"/media/" + "b".repeat(64) + "/full.jpg\" width=\"9\">";
		Document doc = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(markdown, src -> src.equals(own)
				? Optional.of(new MarkdownRenderer.OwnImage(1200, 800, srcset)) : Optional.empty()));
		var images = doc.select("img");
		assertThat(images).hasSize(4);
		assertThat(images.get(0).hasAttr("loading")).isFalse();
		var mine = images.get(1);
		assertThat(mine.attr("srcset")).isEqualTo(srcset);
		assertThat(mine.attr("sizes")).isEqualTo(MarkdownRenderer.SIZES);
		assertThat(mine.attr("width")).isEqualTo("1200");
		assertThat(mine.attr("height")).isEqualTo("800");
		assertThat(mine.attr("loading")).isEqualTo("lazy");
		for (var other : List.of(images.get(0), images.get(2), images.get(3))) {
			assertThat(other.hasAttr("srcset") || other.hasAttr("sizes") || other.hasAttr("width")
					|| other.hasAttr("height"))
				.as(other.outerHtml())
				.isFalse();
		}
		assertThat(images.get(2).attr("loading")).isEqualTo("lazy");
	}

	@Test
	void summarizesAtCodePointBoundaries() {
		assertThat(MarkdownRenderer.summarize("一二三四五六", 3)).isEqualTo("一二三…");
		assertThat(MarkdownRenderer.summarize("𠀀𠀁𠀂𠀃", 2)).isEqualTo("𠀀𠀁…");
		assertThat(MarkdownRenderer.summarize(" 短 ", 10)).isEqualTo("短");
	}

	@Test
	void rendersGithubFlavouredTablesStrikethroughAutolinksAnchorsAndCodeLanguages() {
		Document html = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("""
				## 第一节 Intro

				| 诗 | 作者 |
				|:---|---:|
				| 静夜思 | 李白 |

				~~删去~~ 见 www.example.com 与 https://example.org/a?b=1

				```java
				int x = 1;
				```

				[回到第一节](#h-第一节-intro)
				"""));
		assertThat(html.select("h2").attr("id")).isEqualTo("h-第一节-intro");
		assertThat(html.select("table th")).hasSize(2);
		assertThat(html.select("table td").eachText()).containsExactly("静夜思", "李白");
		assertThat(html.select("th").first().attr("align")).isEqualTo("left");
		assertThat(html.select("del").text()).isEqualTo("删去");
		assertThat(html.select("a[href]").eachAttr("href")).contains("http://www.example.com",
				"https://example.org/a?b=1", "#h-第一节-intro");
		assertThat(html.select("pre code").attr("class")).isEqualTo("language-java");
	}

	@Test
	void allowlistedVideosBecomeSandboxedPlayersAndEverythingElseStaysALink() {
		Document html = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(
				"""
						https://www.bilibili.com/video/BV1GJ411x7h7

						https://v.qq.com/x/cover/mzc00200abc/a0000000000.html

						https://v.youku.com/v_show/id_XNTk4MDQ4NjQ0OA==.html

						https://youtu.be/dQw4w9WgXcQ

						<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" onload="x()" width="1"></iframe>

						https://evil.example/video/BV1GJ411x7h7

						<iframe src="https://evil.example/embed"></iframe>

						看这个 https://youtu.be/dQw4w9WgXcQ 视频
						"""));
		assertThat(html.select("figure.video-embed iframe").eachAttr("src")).containsExactly(
				"https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0",
				"https://v.qq.com/txp/iframe/player.html?vid=a0000000000",
				"https://player.youku.com/embed/XNTk4MDQ4NjQ0OA==",
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(html.select("iframe")).allSatisfy(frame -> {
			assertThat(frame.attr("sandbox")).isEqualTo(VideoEmbeds.SANDBOX);
			assertThat(frame.hasAttr("onload")).isFalse();
			assertThat(frame.hasAttr("width")).isFalse();
		});
		// not allowlisted, or not alone in its paragraph: a link
		assertThat(html.select("p > a[href]").eachAttr("href")).contains("https://evil.example/video/BV1GJ411x7h7",
				"https://evil.example/embed", "https://youtu.be/dQw4w9WgXcQ");
	}

	@Test
	void footnotesBecomeNumberedLinksToNotesAtTheEnd() {
		String html = MarkdownRenderer.toSafeHtml("正文一[^a]，正文二[^2]，再引[^a]。没有注的[^x]。\n\n"
				+ "```\n代码里的[^a]\n[^2]: 不是注\n```\n\n[^a]: 第一条注\n[^2]: 第二条注\n    接续一行\n");
		Document doc = Jsoup.parseBodyFragment(html);
		assertThat(doc.select("a[href=note]")).isEmpty();
		assertThat(doc.select("sup.footnote-ref a").eachAttr("href")).containsExactly("#h-fn-1", "#h-fn-2", "#h-fn-1");
		assertThat(doc.select("sup.footnote-ref a").eachText()).containsExactly("1", "2", "1");
		assertThat(doc.select("sup.footnote-ref a[id]").eachAttr("id")).containsExactly("h-fnref-1", "h-fnref-2");
		assertThat(doc.select("section.footnotes li").eachAttr("id")).containsExactly("h-fn-1", "h-fn-2");
		assertThat(doc.select("section.footnotes li").get(0).text()).startsWith("第一条注");
		assertThat(doc.select("section.footnotes li").get(1).text()).contains("第二条注", "接续一行");
		assertThat(doc.select("section.footnotes a.footnote-backref").eachAttr("href")).containsExactly("#h-fnref-1",
				"#h-fnref-2");
		// a reference without a note, and anything in code, stays as written
		assertThat(doc.select("p").first().text()).contains("没有注的[^x]");
		assertThat(doc.select("pre code").text()).contains("代码里的[^a]", "[^2]: 不是注");
	}

	@Test
	void taskListItemsShowDisabledCheckboxes() {
		Document doc = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("- [x] 已完成\n- [ ] 未完成\n- 普通项\n"));
		assertThat(doc.select("li.task-list-item")).hasSize(2);
		assertThat(doc.select("li input[type=checkbox][disabled]")).hasSize(2);
		assertThat(doc.select("li input[checked]")).hasSize(1);
		assertThat(doc.select("li").eachText()).containsExactly("已完成", "未完成", "普通项");
		assertThat(doc.text()).doesNotContain("[x]", "[ ]");
	}

	@Test
	void theAutomaticSummaryIsTheTextReadersSee() {
		String markdown = "看[示例](https://example.org)和<https://example.org/a>。\n\n```java\nint secret = 1;\n```\n\n"
				+ "- [x] 完成\n- [ ] 未完\n\n脚注[^1]在此。\n\n![图](/media/x.png)\n\n[^1]: 注释内容";
		String summary = MarkdownRenderer.summaryFromHtml(MarkdownRenderer.toSafeHtml(markdown));
		assertThat(summary).isEqualTo("看示例和https://example.org/a。 完成 未完 脚注在此。");
		assertThat(MarkdownRenderer.summaryFromHtml(MarkdownRenderer.toSafeHtml("一".repeat(130)))).hasSize(121)
			.endsWith("…");
	}

}
