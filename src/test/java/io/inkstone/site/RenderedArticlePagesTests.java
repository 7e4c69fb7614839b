package io.inkstone.site;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.inkstone.engagement.Counts;
import io.inkstone.web.ReaderMode;
import io.inkstone.web.Ui;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedArticlePagesTests {

	private static Ui ui(Locale locale, String token) {
		return new Ui(new StaticMessageSource(), locale, ReaderMode.STANDARD, new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", token),
				"/articles/1", "砚", null);
	}

	@Test
	void everyHoleIsFilledWithThisRequestsValuesAndNothingElseChanges() {
		Ui marker = ui(Locale.SIMPLIFIED_CHINESE, RenderedArticlePages.CSRF_HOLE);
		String html = "<p>阅读 " + marker.count(RenderedArticlePages.READS_HOLE) + "</p><form><input value=\"" + RenderedArticlePages.CSRF_HOLE
				+ "\"></form><span>" + marker.count(RenderedArticlePages.SHARES_HOLE) + " 次分享</span><form><input value=\""
				+ RenderedArticlePages.CSRF_HOLE + "\"></form>";
		RenderedArticlePages.Cut cut = RenderedArticlePages.cut(html, marker);
		assertThat(cut.holes()).hasSize(4);
		byte[] page = RenderedArticlePages.fill(cut, ui(Locale.SIMPLIFIED_CHINESE, "tok-A"), new Counts(12_345, 7));
		assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo(
				"<p>阅读 1.2万</p><form><input value=\"tok-A\"></form><span>7 次分享</span><form><input value=\"tok-A\"></form>");
		byte[] other = RenderedArticlePages.fill(cut, ui(Locale.SIMPLIFIED_CHINESE, "tok-B"), new Counts(3, 0));
		assertThat(new String(other, StandardCharsets.UTF_8)).contains("阅读 3<").contains("tok-B").doesNotContain("tok-A");
	}

	@Test
	void aPageWithoutHolesIsServedAsRendered() {
		Ui marker = ui(Locale.ENGLISH, RenderedArticlePages.CSRF_HOLE);
		RenderedArticlePages.Cut cut = RenderedArticlePages.cut("<p>静夜思</p>", marker);
		assertThat(new String(RenderedArticlePages.fill(cut, ui(Locale.ENGLISH, "t"), new Counts(1, 1)), StandardCharsets.UTF_8))
			.isEqualTo("<p>静夜思</p>");
	}

}
