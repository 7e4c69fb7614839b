package io.inkstone.site;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.inkstone.engagement.Counts;
import io.inkstone.support.Bundles;
import io.inkstone.web.ReaderMode;
import io.inkstone.web.Ui;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedArticlePagesTests {

	/** The real bundles: a count's 万 is theirs. */
	private static Ui ui(Locale locale, String token) {
		return new Ui(Bundles.messages(), locale, ReaderMode.STANDARD,
				new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", token), "/articles/1", "砚", null);
	}

	@Test
	void everyHoleIsFilledWithThisRequestsValuesAndNothingElseChanges() {
		RenderedArticlePages.Markers markers = RenderedArticlePages.Markers.fresh();
		Ui marker = ui(Locale.SIMPLIFIED_CHINESE, markers.csrf());
		String html = "<p>阅读 " + marker.count(markers.reads()) + "</p><form><input value=\"" + markers.csrf()
				+ "\"></form><span>" + marker.count(markers.shares()) + " 次分享</span><form><input value=\""
				+ markers.csrf() + "\"></form>";
		RenderedArticlePages.Cut cut = RenderedArticlePages.cut(html, marker, markers);
		assertThat(cut.holes()).hasSize(4);
		byte[] page = RenderedArticlePages.fill(cut, ui(Locale.SIMPLIFIED_CHINESE, "tok-A"), new Counts(12_345, 7));
		assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo(
				"<p>阅读 1.2万</p><form><input value=\"tok-A\"></form><span>7 次分享</span><form><input value=\"tok-A\"></form>");
		byte[] other = RenderedArticlePages.fill(cut, ui(Locale.SIMPLIFIED_CHINESE, "tok-B"), new Counts(3, 0));
		assertThat(new String(other, StandardCharsets.UTF_8)).contains("阅读 3<")
			.contains("tok-B")
			.doesNotContain("tok-A");
	}

	@Test
	void aPageWithoutHolesIsServedAsRendered() {
		RenderedArticlePages.Markers markers = RenderedArticlePages.Markers.fresh();
		Ui marker = ui(Locale.ENGLISH, markers.csrf());
		RenderedArticlePages.Cut cut = RenderedArticlePages.cut("<p>静夜思</p>", marker, markers);
		assertThat(new String(RenderedArticlePages.fill(cut, ui(Locale.ENGLISH, "t"), new Counts(1, 1)),
				StandardCharsets.UTF_8))
			.isEqualTo("<p>静夜思</p>");
	}

	@Test
	void markersAreFreshForEveryRenderSoContentCannotCarryThem() {
		RenderedArticlePages.Markers earlier = RenderedArticlePages.Markers.fresh();
		RenderedArticlePages.Markers now = RenderedArticlePages.Markers.fresh();
		assertThat(now.csrf()).isNotEqualTo(earlier.csrf()).hasSizeGreaterThanOrEqualTo(33);
		Ui marker = ui(Locale.SIMPLIFIED_CHINESE, now.csrf());
		// user content that copies an earlier render's markers (or the old fixed one)
		// stays as written
		String content = "<img src=\"https://attacker.example/p.png?t=" + earlier.csrf()
				+ "&u=inkstone-csrf-hole-5d1f0c3a\">" + marker.count(earlier.reads());
		String html = content + "<input value=\"" + now.csrf() + "\">";
		RenderedArticlePages.Cut cut = RenderedArticlePages.cut(html, marker, now);
		assertThat(cut.holes()).containsExactly(RenderedArticlePages.Hole.CSRF);
		String page = new String(
				RenderedArticlePages.fill(cut, ui(Locale.SIMPLIFIED_CHINESE, "tok-A"), new Counts(1, 1)),
				StandardCharsets.UTF_8);
		assertThat(page).isEqualTo(content + "<input value=\"tok-A\">");
	}

}
