package io.inkstone.shared;

import io.inkstone.support.Bundles;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts the platform writes into data (an audit actor, an avatar's alt text, a comment's
 * author, a seeded title, an imported note) come from the bundles and read exactly as the
 * rows written before they did, when they were Java literals.
 */
class StoredTextsTests {

	private final MessageSource messages = Bundles.messages();

	@Test
	void shortTextsInBothLanguagesAreOneLineChineseThenEnglish() {
		assertThat(TwoLanguages.inline(messages, "audit.storedActor.system")).isEqualTo("系统 / system");
		assertThat(TwoLanguages.inline(messages, "media.avatar.alt")).isEqualTo("头像 / avatar");
		assertThat(TwoLanguages.inline(messages, "join.rejected.handleTaken")).isEqualTo("账号名已被占用 / handle taken");
		assertThat(
				TwoLanguages.chinese(messages, "importer.note", TwoLanguages.inline(messages, "importer.note.private")))
			.isEqualTo("（原为 WordPress 私密文章，未公开 / was private on WordPress）");
		assertThat(TwoLanguages.chinese(messages, "importer.note",
				TwoLanguages.inline(messages, "importer.note.passworded")))
			.isEqualTo("（原为 WordPress 密码保护文章，未公开 / was password-protected on WordPress）");
	}

	@Test
	void textsStoredInOneLanguageAreTheBundlesChinese() {
		assertThat(TwoLanguages.chinese(messages, "comment.author.anonymous")).isEqualTo("匿名");
		assertThat(TwoLanguages.chinese(messages, "comment.author.deleted")).isEqualTo("已注销用户");
		assertThat(TwoLanguages.chinese(messages, "account.admin.defaultName")).isEqualTo("管理员");
		assertThat(TwoLanguages.chinese(messages, "rules.default.community")).isEqualTo("平台公约");
		assertThat(TwoLanguages.chinese(messages, "rules.default.creator-agreement")).isEqualTo("创作者协议");
		assertThat(TwoLanguages.chinese(messages, "rules.default.privacy")).isEqualTo("隐私政策");
		assertThat(TwoLanguages.chinese(messages, "importer.untitled")).isEqualTo("（无标题）");
		assertThat(TwoLanguages.chinese(messages, "importer.uncategorized")).isEqualTo("未分类");
		assertThat(TwoLanguages.chinese(messages, "importer.comment.replyTo", "李白", "好诗 {0} 'a'"))
			.isEqualTo("回复 @李白：好诗 {0} 'a'");
	}

}
