package io.inkstone.shared;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever goes into the Markdown renderer — hostile HTML, broken Markdown, any text —
 * rendering never throws and the output has no script, no event handler, no dangerous URL
 * and no element outside the allowlist.
 */
class MarkdownRendererPropertyTests {

	private static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
			"![i](javascript:alert(1))", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>",
			"<svg onload=alert(1)>", "<iframe src=//evil.example>", "<style>*{}</style>", "<object data=x>",
			"<form action=//evil.example><input></form>", "<math><mi xlink:href=x>", "<a href=\"vbscript:x\">v</a>",
			"<div style=\"background:url(javascript:x)\">s</div>", "<!--", "-->", "<![CDATA[", "]]>", "&lt;script&gt;",
			"&#106;avascript:alert(1)", "<a href=\"&#106;avascript:alert(1)\">e</a>", "`<script>`",
			"```html\n<script>x</script>\n```", "> <script>q</script>", "* <b onclick=x>b</b>",
			"<details open ontoggle=x>", "<base href=//evil.example>",
			"<meta http-equiv=refresh content=0;url=//evil.example>", "<link rel=stylesheet href=x>",
			"[ref]: javascript:alert(1)\n[ref]", "<https://ok.example/p?a=1&b=2>", "**粗体**", "静夜思", "\u0000", "\uFEFF",
			"\r\n", "\n\n", "# 标题", "| a | b |\n|---|---|\n| 1 | 2 |", "<img src=\"/media/1.png\" alt=\"图\">", "\\",
			"*", "_", "[", "]", "(", ")", "<", ">", "\"", "'", "=",
			"\n\nhttps://www.bilibili.com/video/BV1GJ411x7h7\n\n",
			"\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n",
			"<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" onload=x srcdoc=y>",
			"<iframe src=\"javascript:alert(1)\">", "\n\nhttps://evil.example/video/BV1GJ411x7h7\n\n",
			"[v](https://v.qq.com/x/page/a0000000000.html)", "https://youtu.be/dQw4w9WgXcQ\\\"onload=x", "~~删~~",
			"## 标题 {#x}", "<h2 id=\"location\">h</h2>", "```js\nx\n```", "```\" onclick=x\ny\n```",
			"<code class=\"x onclick\">c</code>", "[a](#h-x)", "www.example.com", "- [x] 任务", "[^1]\n\n[^1]: 注");

	@Provide
	Arbitrary<String> markdown() {
		Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
				Arbitraries.strings().withCharRange('\u0000', '\u2FFF').ofMaxLength(12));
		return fragment.list().ofMaxSize(30).map(parts -> String.join("", parts));
	}

	@Property(tries = 400)
	void renderingNeverThrowsAndNeverLetsScriptThrough(@ForAll("markdown") String markdown) {
		String html = MarkdownRenderer.toSafeHtml(markdown);
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			assertThat(element.tagName()).isNotIn("script", "object", "embed", "style", "form", "svg", "math", "base",
					"meta", "link");
			if (element.tagName().equals("input")) {
				// only a task list's box, written by the renderer
				assertThat(element.attr("type")).as(html).isEqualTo("checkbox");
				assertThat(element.hasAttr("disabled")).as(html).isTrue();
				assertThat(element.parent().closest("li.task-list-item")).as(html).isNotNull();
			}
			if (element.tagName().equals("iframe")) {
				// only an allowlisted player, sandboxed, inside its figure
				assertThat(element.attr("src")).as(html)
					.matches("https://(player\\.bilibili\\.com/player\\.html\\?bvid=BV[0-9A-Za-z]{10}&autoplay=0"
							+ "|v\\.qq\\.com/txp/iframe/player\\.html\\?vid=[0-9A-Za-z]{11}|player\\.youku\\.com/embed/[0-9A-Za-z=]+"
							+ "|www\\.youtube-nocookie\\.com/embed/[0-9A-Za-z_-]{11})");
				assertThat(element.attr("sandbox")).as(html).isEqualTo(VideoEmbeds.SANDBOX);
				assertThat(element.parent().tagName()).isEqualTo("figure");
			}
			if (element.hasAttr("id")) {
				assertThat(element.id()).as(html).startsWith("h-"); // no id can clobber a
																	// global name
			}
			if (element.hasAttr("class")) {
				assertThat(element.className()).as(html)
					.matches(
							"language-[A-Za-z0-9_+#.-]+|video-embed|footnote-ref|footnotes|footnote-backref|task-list-item");
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as(html).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
				if (name.equals("href") || name.equals("src")) {
					String value = attribute.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
					assertThat(value).as(html)
						.doesNotStartWith("javascript:")
						.doesNotStartWith("vbscript:")
						.doesNotStartWith("data:text");
				}
			}
		}
		assertThat(MarkdownRenderer.toPlainText(markdown)).isNotNull();
	}

}
