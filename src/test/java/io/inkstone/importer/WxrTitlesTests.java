package io.inkstone.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress title comes in as WordPress holds it: markup and entities resolved, its own
 * spacing kept (the round trip Inkstone → WordPress → Inkstone in
 * ops/wordpress-import-check.sh lost the two spaces of 29 classical titles), line breaks
 * as spaces, nothing empty.
 */
class WxrTitlesTests {

	@Test
	void titlesKeepTheirSpacingAndLoseTheirMarkup() {
		assertThat(WxrImporter.title("句  其二")).isEqualTo("句  其二");
		assertThat(WxrImporter.title("新型雷达 &amp; <b>无人机</b>测试")).isEqualTo("新型雷达 & 无人机测试");
		assertThat(WxrImporter.title("  第一行\n第二行\t")).isEqualTo("第一行 第二行");
		assertThat(WxrImporter.title("<script>alert(1)</script>标题")).doesNotContain("<").endsWith("标题");
		assertThat(WxrImporter.title("   ")).isEqualTo(WxrImporter.UNTITLED);
	}

}
