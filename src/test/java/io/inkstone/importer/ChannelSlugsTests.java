package io.inkstone.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Channel slugs spelled from names: pinyin for Chinese, Latin as it is, markup never. */
class ChannelSlugsTests {

	@Test
	void chineseNamesArePinyinWithoutTones() {
		assertThat(ChannelSlugs.of("天文")).isEqualTo("tianwen");
		assertThat(ChannelSlugs.of("美食")).isEqualTo("meishi");
		assertThat(ChannelSlugs.of("重庆")).isEqualTo("chongqing");
		assertThat(ChannelSlugs.of("AI 前沿")).isEqualTo("ai-qianyan");
		assertThat(ChannelSlugs.of("旅游·攻略")).isEqualTo("lvyou-gonglve");
	}

	@Test
	void latinNamesAreLowerCaseAndMarkupSpellsNothing() {
		assertThat(ChannelSlugs.of("Military")).isEqualTo("military");
		assertThat(ChannelSlugs.of("Science & Tech")).isNull();
		assertThat(ChannelSlugs.of("<script>x</script>")).isNull();
		assertThat(ChannelSlugs.of("Café Life")).isEqualTo("cafe-life");
		assertThat(ChannelSlugs.of("！！")).isNull();
		assertThat(ChannelSlugs.of("Bad Slug!")).isNull();
		assertThat(ChannelSlugs.of("")).isNull();
	}

}
