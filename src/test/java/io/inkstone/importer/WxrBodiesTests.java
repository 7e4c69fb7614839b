package io.inkstone.importer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.inkstone.shared.MarkdownRenderer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WordPress bodies to Markdown, and the streaming WXR reader, without a Spring context.
 */
class WxrBodiesTests {

	static String md(String content) {
		return WxrBodies.toMarkdown(content, UnaryOperator.identity(), id -> null);
	}

	static Document rendered(String content) {
		return Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(md(content)));
	}

	@Test
	void classicTextGetsParagraphsFromBlankLinesAndBreaksFromNewlines() {
		String markdown = md("第一段，<strong>重点</strong>。\n\n第二段第一行\n第二行\n\n<!--more-->\n\n第三段");
		assertThat(markdown).isEqualTo("第一段，**重点**。\n\n第二段第一行\n第二行\n\n第三段");
		assertThat(rendered("a\n\nb").select("p")).hasSize(2);
	}

	@Test
	void blockEditorCommentsGoAndStructureBecomesMarkdown() {
		String markdown = md(
				"<!-- wp:heading {\"level\":2} -->\n<h2 class=\"wp-block-heading\">标题</h2>\n<!-- /wp:heading -->\n\n"
						+ "<!-- wp:list -->\n<ul><li>一</li><li><a href=\"https://a.example/x\">二</a></li></ul>\n<!-- /wp:list -->\n\n"
						+ "<!-- wp:quote --><blockquote><p>引文</p></blockquote><!-- /wp:quote -->\n"
						+ "<!-- wp:paragraph --><p><em>斜</em> *星号* [括号]</p><!-- /wp:paragraph -->");
		assertThat(markdown).doesNotContain("wp:")
			.contains("## 标题")
			.contains("- 一\n- [二](https://a.example/x)")
			.contains("> 引文")
			.contains("*斜* \\*星号\\* \\[括号\\]");
		Document html = rendered("<p><em>斜</em> *星号*</p>");
		assertThat(html.select("em")).hasSize(1);
		assertThat(html.text()).contains("*星号*");
	}

	@Test
	void captionBecomesAFigureWithItsCaption() {
		Document html = rendered(
				"[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<img src=\"https://s.example/wp-content/"
						+ "uploads/a-300x200.jpg\" alt=\"图\" /> 说明文字[/caption]");
		assertThat(html.select("figure img[src=https://s.example/wp-content/uploads/a-300x200.jpg]")).hasSize(1);
		assertThat(html.select("figure figcaption").text()).isEqualTo("说明文字");
	}

	@Test
	void hostileMarkupIsInertAndUnsafeLinksLoseTheirAddress() {
		String markdown = md("<p>正文<script>alert(1)</script></p>\n<img src=x onerror=alert(2)>\n"
				+ "<p><a href=\"javascript:alert(3)\">点</a></p><iframe src=\"https://evil.example\"></iframe>"
				+ "<table><tr><td onclick=\"x()\">格</td></tr></table>");
		assertThat(markdown).doesNotContain("script")
			.doesNotContain("onerror")
			.doesNotContain("javascript:")
			.doesNotContain("iframe")
			.doesNotContain("onclick");
		Document html = rendered("<table><tr><td>格</td></tr></table>");
		assertThat(html.select("table td").text()).isEqualTo("格");
	}

	@Test
	void urlsPassThroughTheRewriter() {
		String markdown = WxrBodies.toMarkdown(
				"<p><img src=\"https://old.example/wp-content/uploads/2024/05/a-1024x683.jpg\" alt=\"a\">" + "</p>",
				url -> url.contains("/uploads/") ? "/media/abc/full.jpg" : url, id -> null);
		assertThat(markdown).isEqualTo("![a](/media/abc/full.jpg)");
		assertThat(WxrImporter.withoutSize("2024/05/a-1024x683.jpg")).isEqualTo("2024/05/a.jpg");
		assertThat(WxrImporter.withoutSize("2024/05/a-scaled.JPG")).isEqualTo("2024/05/a.jpg");
		assertThat(WxrImporter.uploadsPath("https://x.example/wp-content/uploads/2024/05/%e6%b8%af.jpg?ver=2"))
			.isEqualTo("2024/05/港.jpg");
		assertThat(WxrImporter.uploadsPath("https://x.example/wp-content/uploads/../../etc/passwd")).isNull();
	}

	@Test
	void oldAddressesNeverTakeOverInkstonesOwnPaths() {
		assertThat(LegacyPaths.reserved("/articles/1")).isTrue();
		assertThat(LegacyPaths.reserved("/Admin")).isTrue();
		assertThat(LegacyPaths.reserved("/setup")).isTrue();
		assertThat(LegacyPaths.reserved("")).isTrue();
		assertThat(LegacyPaths.reserved("/2024/05/slug")).isFalse();
		assertThat(LegacyPaths.reserved("?p=12")).isFalse();
		assertThat(LegacyPaths.normalize("/2024/05/%e6%b8%af/")).isEqualTo("/2024/05/港");
		assertThat(WxrImporter.linkPath("https://old.example.com/?p=12")).isEqualTo("?p=12");
		assertThat(WxrImporter.linkPath("https://old.example.com/about/%e5%9b%a2/")).isEqualTo("/about/团");
	}

	@Test
	void galleriesBecomeImageGrids() {
		String markdown = WxrBodies.toMarkdown("前\n\n[gallery ids=\"1,2\"]", UnaryOperator.identity(),
				id -> id == 1 ? "/media/one/full.jpg" : null);
		assertThat(Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(markdown))
			.select("figure img[src=/media/one/full.jpg]")).hasSize(1);
	}

	@Test
	void readerJoinsCdataSplitsAndReportsMalformedFilesWithTheirPosition() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.1/">
				<channel><wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>https://a.example</wp:base_site_url>
				<item><title>t</title><content:encoded><![CDATA[a ]]]]><![CDATA[> b]]></content:encoded><wp:post_id>7</wp:post_id>
				<wp:post_type><![CDATA[post]]></wp:post_type></item>
				</channel></rss>""";
		List<Wxr.Item> items = new ArrayList<>();
		Wxr.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), items::add);
		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.content()).isEqualTo("a ]]> b");
			assertThat(i.postId()).isEqualTo(7);
		});
		String broken = xml.replace("</wp:post_id>", "</wp:post_ID>");
		assertThatThrownBy(
				() -> Wxr.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), items::add))
			.isInstanceOf(Wxr.Malformed.class)
			.hasMessageStartingWith("line 4");
		String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>";
		assertThatThrownBy(() -> Wxr.read(new ByteArrayInputStream(rss.getBytes(StandardCharsets.UTF_8)), items::add))
			.isInstanceOf(Wxr.Malformed.class)
			.hasMessageContaining("not a WordPress export");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel>&x;</channel></rss>";
		assertThatThrownBy(() -> Wxr.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), items::add))
			.isInstanceOf(Wxr.Malformed.class);
	}

}
