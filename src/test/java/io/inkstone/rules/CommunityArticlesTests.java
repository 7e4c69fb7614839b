package io.inkstone.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule picker's entries come from the numbered articles of the 平台公约. */
class CommunityArticlesTests {

	@Test
	void eachNumberedItemBecomesAnArticleNamedBySectionAndNumber() throws IOException {
		String shipped = new ClassPathResource("rules/community.md").getContentAsString(StandardCharsets.UTF_8);
		assertThat(Rules.numberedArticles("平台公约", shipped)).hasSize(7)
			.startsWith("平台公约 一、1 谣言及虚假信息")
			.contains("平台公约 一、3 将他人作品声明为原创（虚假原创）");
	}

	@Test
	void anEditedPageWithMoreSectionsAndNoNumbersIsFollowed() {
		String edited = "前言\n\n## 一、禁止\n1. 谣言；\n2. 侵权。\n\n## 二、评论\n1. 人身攻击\n\n## 附则\n10. 解释权\n\n正文 3. 不是条目";
		assertThat(Rules.numberedArticles("公约", edited)).containsExactly("公约 一、1 谣言", "公约 一、2 侵权", "公约 二、1 人身攻击",
				"公约 附则 10 解释权");
		assertThat(Rules.numberedArticles("公约", "没有编号的条文")).isEmpty();
	}

}
