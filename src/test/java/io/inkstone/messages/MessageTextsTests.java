package io.inkstone.messages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import io.inkstone.notifications.NoticeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind and outcome a listener writes has its wording in both bundles, for one actor
 * and for several.
 */
class MessageTextsTests {

	/** kind → the outcomes its listener writes (null: none). */
	static final List<List<String>> WRITTEN = List.of(List.of("reply", ""), List.of("like", "article", "comment"),
			List.of("follow", ""), List.of("application", "approved", "rejected"),
			List.of("review", "approved", "changes", "rejected"),
			List.of("moderation", "take-down", "hide-comment", "restrict-creator"),
			List.of("appeal", "reversed", "upheld"));

	@Test
	void everyKindAndOutcomeHasItsWordingInChineseAndEnglish() throws IOException {
		for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
			Properties texts = new Properties();
			try (var in = new InputStreamReader(getClass().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
				texts.load(in);
			}
			assertThat(WRITTEN).hasSize(NoticeKind.values().length);
			for (List<String> kind : WRITTEN) {
				assertThat(texts).containsKey("messages.kind." + kind.get(0));
				for (String outcome : kind.subList(1, kind.size())) {
					for (int actors : new int[] { 1, 2 }) {
						String key = MessageTexts.key(kind.get(0), outcome.isEmpty() ? null : outcome, actors);
						assertThat(texts).as(bundle).containsKey(key);
					}
				}
			}
		}
	}

	@Test
	void likesAndFollowsSayHowManyAndEverythingElseDoesNot() {
		assertThat(MessageTexts.key("like", "article", 1)).isEqualTo("messages.text.like.article.one");
		assertThat(MessageTexts.key("like", "article", 3)).isEqualTo("messages.text.like.article");
		assertThat(MessageTexts.key("follow", null, 2)).isEqualTo("messages.text.follow");
		assertThat(MessageTexts.key("review", "rejected", 1)).isEqualTo("messages.text.review.rejected");
		Message review = new Message(1, "review", "rejected", "false-original", "标题", null, 1, null, "/studio/credit",
				0, 0, true);
		assertThat(MessageTexts.refKey(review)).isEqualTo("review.reason.false-original");
		Message takedown = new Message(1, "moderation", "take-down", "JB-1", "标题", null, 1, null, "/appeals/1", 0, 0,
				true);
		assertThat(MessageTexts.refKey(takedown)).isNull();
		assertThat(MessageTexts.args(takedown, "一位读者", "相关内容", "JB-1")).containsExactly("一位读者", "标题", "1", "JB-1");
	}

}
