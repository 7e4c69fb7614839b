package io.inkstone.importer;

import io.inkstone.shared.TwoLanguages;
import io.inkstone.support.Bundles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress title comes in as WordPress holds it: markup and entities resolved, its own
 * spacing kept (the round trip Inkstone → WordPress → Inkstone in
 * ops/wordpress-import-check.sh lost the two spaces of 29 classical titles), line breaks
 * as spaces, nothing empty.
 */
class WxrTitlesTests {

	/** What the importer passes: the bundle's importer.untitled in Chinese. */
	private static final String UNTITLED = TwoLanguages.chinese(Bundles.messages(), "importer.untitled");

	@Test
	void titlesKeepTheirSpacingAndLoseTheirMarkup() {
		assertThat(WxrImporter.title("句  其二", UNTITLED)).isEqualTo("句  其二");
		assertThat(WxrImporter.title("新型雷达 &amp; <b>无人机</b>测试", UNTITLED)).isEqualTo("新型雷达 & 无人机测试");
		assertThat(WxrImporter.title("  第一行\n第二行\t", UNTITLED)).isEqualTo("第一行 第二行");
		assertThat(WxrImporter.title("<script>alert(1)</script>标题", UNTITLED)).doesNotContain("<").endsWith("标题");
		assertThat(WxrImporter.title("   ", UNTITLED)).isEqualTo(UNTITLED).isEqualTo("（无标题）");
	}

}
