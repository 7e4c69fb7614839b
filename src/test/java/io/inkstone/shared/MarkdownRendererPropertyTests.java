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
 * Whatever goes into the Markdown renderer — hostile HTML, broken Markdown, any text — rendering never throws and the
 * output has no script, no event handler, no dangerous URL and no element outside the allowlist.
 */
class MarkdownRendererPropertyTests {

	private static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))", "![i](javascript:alert(1))",
			"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>", "<svg onload=alert(1)>", "<iframe src=//evil.example>",
			"<style>*{}</style>", "<object data=x>", "<form action=//evil.example><input></form>", "<math><mi xlink:href=x>",
			"<a href=\"vbscript:x\">v</a>", "<div style=\"background:url(javascript:x)\">s</div>", "<!--", "-->", "<![CDATA[",
			"]]>", "&lt;script&gt;", "&#106;avascript:alert(1)", "<a href=\"&#106;avascript:alert(1)\">e</a>", "`<script>`",
			"```html\n<script>x</script>\n```", "> <script>q</script>", "* <b onclick=x>b</b>", "<details open ontoggle=x>",
			"<base href=//evil.example>", "<meta http-equiv=refresh content=0;url=//evil.example>", "<link rel=stylesheet href=x>",
			"[ref]: javascript:alert(1)\n[ref]", "<https://ok.example/p?a=1&b=2>", "**粗体**", "静夜思", "\u0000", "\uFEFF",
			"\r\n", "\n\n", "# 标题", "| a | b |\n|---|---|\n| 1 | 2 |", "<img src=\"/media/1.png\" alt=\"图\">", "\\", "*", "_",
			"[", "]", "(", ")", "<", ">", "\"", "'", "=");

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
			assertThat(element.tagName()).isNotIn("script", "iframe", "object", "embed", "style", "form", "input", "svg",
					"math", "base", "meta", "link");
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as(html).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
				if (name.equals("href") || name.equals("src")) {
					String value = attribute.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
					assertThat(value).as(html).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
						.doesNotStartWith("data:text");
				}
			}
		}
		assertThat(MarkdownRenderer.toPlainText(markdown)).isNotNull();
	}

}
