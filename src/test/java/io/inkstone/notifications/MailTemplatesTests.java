package io.inkstone.notifications;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mail template, rendered from the precompiled plain-text templates and the real
 * bundles (as the application configures them), in Chinese then English: subject from the
 * first line, each language's body, a link to follow once, nothing escaped as HTML.
 */
class MailTemplatesTests {

	private static final String LINK = "https://news.example/x?token=a&b=<c>";

	private final MailTemplates templates = new MailTemplates(bundles(), () -> "砚 Inkstone");

	static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private MailTemplates.Mail render(String notice, Map<String, ?> values) {
		return templates.render(notice, values);
	}

	private static String[] parts(MailTemplates.Mail mail) {
		String[] parts = mail.text().split(MailTemplates.SEPARATOR);
		assertThat(parts).as(mail.text()).hasSize(2);
		return parts;
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	@Test
	void signUpLinkInChineseThenEnglishWithTheLinkOnceAndNotEscaped() {
		MailTemplates.Mail mail = render("signup", Map.of("name", "小明", "hours", "24", "link", LINK));
		assertThat(mail.subject()).isEqualTo("完成砚 Inkstone注册 / Finish signing up to 砚 Inkstone");
		String[] parts = parts(mail);
		assertThat(parts[0]).startsWith("你好，小明：").contains("请在 24 小时内").contains(LINK);
		assertThat(parts[1]).startsWith("Open the link above within 24 hours");
		assertThat(occurrences(mail.text(), LINK)).isEqualTo(1);
	}

	@Test
	void accountMailSubjectsNameTheSiteAsSetInTheConsoleNotTheBundlesDefault() {
		MailTemplates renamed = new MailTemplates(bundles(), () -> "墨池新闻");
		for (String notice : List.of("signup", "signupTaken", "passwordReset", "verifyEmail", "emailChange")) {
			MailTemplates.Mail mail = renamed.render(notice,
					Map.of("name", "小明", "hours", "24", "link", LINK, "email", "a@b.test"));
			assertThat(mail.subject()).as(notice).contains("墨池新闻").doesNotContain("{0}").doesNotContain("砚");
		}
	}

	@Test
	void signUpWithATakenAddressGreetsByNameInEachLanguage() {
		MailTemplates.Mail mail = render("signupTaken",
				Map.of("name", "小明", "login", "https://s/login", "forgot", "https://s/password/forgot"));
		assertThat(mail.subject()).startsWith("有人尝试用你的邮箱注册砚 Inkstone / Someone tried");
		String[] parts = parts(mail);
		assertThat(parts[0]).startsWith("你好，小明：\n\n有人（可能是你自己）")
			.contains("https://s/login")
			.contains("https://s/password/forgot");
		assertThat(parts[1]).startsWith("Hello 小明,\n\nSomeone (perhaps you)");
	}

	@Test
	void accountLinksCarryTheirLinkOnceInEachMail() {
		Map<String, String> subjects = Map.of("passwordReset", "重置砚 Inkstone密码 / Reset your 砚 Inkstone password",
				"verifyEmail", "验证你的砚 Inkstone邮箱 / Verify your e-mail for 砚 Inkstone", "emailChange",
				"确认你的砚 Inkstone新邮箱 / Confirm your new e-mail for 砚 Inkstone");
		subjects.forEach((notice, subject) -> {
			MailTemplates.Mail mail = render(notice, Map.of("name", "小明", "link", LINK));
			assertThat(mail.subject()).isEqualTo(subject);
			String[] parts = parts(mail);
			assertThat(parts[0]).as(notice).startsWith("你好，小明：").contains(LINK);
			assertThat(parts[1]).as(notice).startsWith("Open the link above").doesNotContain("{");
			assertThat(occurrences(mail.text(), LINK)).as(notice).isEqualTo(1);
		});
		assertThat(render("emailChange", Map.of("name", "小明", "link", LINK)).text())
			.as("an apostrophe in a formatted English text")
			.contains("account's e-mail");
	}

	@Test
	void copyrightDecisionNamesTheOutcomeInEachLanguage() {
		MailTemplates.Mail mail = render("copyrightDecided", Map.of("ref", "R-7", "name", "版权方", "outcome", "take-down",
				"statement", "与原作逐段相同", "link", "https://s/reports/R-7"));
		assertThat(mail.subject()).isEqualTo("版权通知处理结果 R-7 / Your copyright notice R-7 was decided");
		String[] parts = parts(mail);
		assertThat(parts[0]).startsWith("你好，版权方：")
			.contains("你的版权通知已处理：下架文章。")
			.contains("理由：与原作逐段相同")
			.contains("进度：https://s/reports/R-7");
		assertThat(parts[1]).contains("decided: Article taken down.");
	}

	@Test
	void counterNoticeAndItsReviewQuoteTheTextOnce() {
		MailTemplates.Mail notice = render("counterNotice", Map.of("ref", "R-7", "name", "版权方", "text", "此诗写于 2018 年"));
		assertThat(notice.subject()).isEqualTo("反通知 R-7 / Counter-notice on R-7");
		assertThat(parts(notice)[0]).contains("被通知的创作者对 R-7 提交了反通知").contains("此诗写于 2018 年");
		assertThat(parts(notice)[1]).contains("The creator named in R-7");
		assertThat(occurrences(notice.text(), "此诗写于 2018 年")).isEqualTo(1);

		MailTemplates.Mail reversed = render("counterNoticeReversed",
				Map.of("ref", "R-7", "name", "版权方", "reason", "有底稿"));
		assertThat(reversed.subject()).isEqualTo("反通知复核结果 R-7 / Counter-notice R-7 reviewed");
		assertThat(parts(reversed)[0]).contains("文章已恢复").contains("理由：有底稿");
		assertThat(parts(reversed)[1]).contains("the article is restored");

		MailTemplates.Mail upheld = render("counterNoticeUpheld", Map.of("ref", "R-7", "name", "版权方", "reason", "无底稿"));
		assertThat(parts(upheld)[0]).contains("复核维持下架").contains("理由：无底稿");
		assertThat(parts(upheld)[1]).contains("upheld the takedown");
	}

	@Test
	void testMailNamesTheSite() {
		MailTemplates.Mail mail = render("mailTest", Map.of("site", "砚"));
		assertThat(mail.subject()).isEqualTo("砚 测试邮件 / 砚 test mail");
		assertThat(parts(mail)[0]).isEqualTo("这是 砚 发出的测试邮件。收到它说明发信设置正确。");
		assertThat(parts(mail)[1]).isEqualTo("This is a test mail from 砚. Receiving it means the mail settings work.");
	}

	private static Map<String, Object> message(String note, String code) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", "读者");
		values.put("lines", Map.of("zh", "你的文章《秋夜》未通过审核", "en", "Your article “秋夜” was not approved"));
		values.put("note", note);
		values.put("code", code);
		values.put("link", "https://s/studio/articles/1");
		values.put("unsubscribe", "https://s/mail/unsubscribe?t=abc");
		values.put("settings", "https://s/account/notifications");
		return values;
	}

	@Test
	void messageCentreMailHasItsLineGreetingNoteCodeLinkAndUnsubscribeFooter() {
		MailTemplates.Mail mail = render("message", message("标题与正文不符", "false-original"));
		assertThat(mail.subject()).isEqualTo("你的文章《秋夜》未通过审核 / Your article “秋夜” was not approved");
		String[] parts = parts(mail);
		assertThat(parts[0]).isEqualTo("""
				你好，读者：

				你的文章《秋夜》未通过审核

				标题与正文不符

				理由：虚假原创

				查看：https://s/studio/articles/1

				不想再收到这类邮件？退订：https://s/mail/unsubscribe?t=abc
				通知设置：https://s/account/notifications""");
		assertThat(parts[1])
			.startsWith("Hello 读者,\n\nYour article “秋夜” was not approved\n\nReason: False originality claim")
			.contains("View: https://s/studio/articles/1")
			.contains("Unsubscribe: https://s/mail/unsubscribe?t=abc")
			.doesNotContain("标题与正文不符");
	}

	/**
	 * A statement of reasons is written in both languages: each half of the mail carries
	 * its own, as the message centre shows each reader theirs.
	 */
	@Test
	void aStatementInBothLanguagesIsSplitBetweenTheMailsHalves() {
		MailTemplates.Mail mail = render("message",
				message("评论已隐藏，依据平台公约第3条。" + MailTemplates.SEPARATOR + "Your comment was hidden under rule 3.", null));
		String[] parts = parts(mail);
		assertThat(parts[0]).contains("评论已隐藏，依据平台公约第3条。").doesNotContain("Your comment was hidden");
		assertThat(parts[1]).contains("Your comment was hidden under rule 3.").doesNotContain("评论已隐藏");
	}

	@Test
	void messageCentreMailWithoutNoteOrCodeLeavesNoGap() {
		MailTemplates.Mail mail = render("message", message(null, null));
		assertThat(parts(mail)[0]).isEqualTo("""
				你好，读者：

				你的文章《秋夜》未通过审核

				查看：https://s/studio/articles/1

				不想再收到这类邮件？退订：https://s/mail/unsubscribe?t=abc
				通知设置：https://s/account/notifications""");
	}

	@Test
	void aLongSubjectIsCut() {
		Map<String, Object> values = message(null, null);
		values.put("lines", Map.of("zh", "长".repeat(150), "en", "long ".repeat(40)));
		MailTemplates.Mail mail = render("message", values);
		assertThat(mail.subject()).hasSize(MailTemplates.MAX_SUBJECT).endsWith("…");
	}

	@Test
	void anUnknownOrMalformedTemplateNameIsRefused() {
		assertThatThrownBy(() -> render("../accounts/login", Map.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> render("noSuchMail", Map.of())).isInstanceOf(RuntimeException.class);
	}

}
