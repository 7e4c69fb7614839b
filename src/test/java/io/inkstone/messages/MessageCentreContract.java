package io.inkstone.messages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.engagement.ArticleLiked;
import io.inkstone.engagement.CommentReplied;
import io.inkstone.governance.Decision;
import io.inkstone.governance.Report;
import io.inkstone.governance.Reports;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.notifications.MailPreferences;
import io.inkstone.notifications.NoticeKind;
import io.inkstone.shared.SignedIn;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import io.inkstone.support.Fixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message centre over real HTTP, with no mail server configured: a reply, a takedown
 * with its statement of reasons, likes aggregated per article and day, a redelivered
 * event that creates nothing, the unread count in the header, marking read, who may see
 * which message, and the mail preferences with one-click unsubscribe. Runs once per
 * database (see the SQLite and PostgreSQL subclasses).
 */
@Import(SignedInRoles.class)
abstract class MessageCentreContract {

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Articles articles;

	@Autowired
	Reports reports;

	@Autowired
	MailPreferences preferences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	private static final Map<Class<?>, Boolean> imported = new ConcurrentHashMap<>();

	@BeforeEach
	void importOneArticleOnce() throws IOException {
		if (imported.putIfAbsent(getClass(), true) == null) {
			String line = new String(Fixtures.open(Fixtures.CLASSICS).readAllBytes(), StandardCharsets.UTF_8).lines()
				.findFirst()
				.orElseThrow();
			assertThat(importer.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null)
				.imported()).isEqualTo(1);
		}
	}

	long anyArticle() {
		return jdbc.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
	}

	/** A reader account with this display name. */
	long account(String name) {
		return roles.account(name, Role.READER);
	}

	static String unique(String prefix) {
		return "m" + Long.toString(System.nanoTime(), 36) + prefix.hashCode();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** The header's unread badge, or null when it is not shown. */
	static String unreadBadge(Browser b) {
		Element badge = b.page("/").html().selectFirst("[data-testid=unread-count]");
		return badge == null ? null : badge.text();
	}

	long messagesOf(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM messages WHERE recipient_id = :r")
			.param("r", accountId)
			.query(Long.class)
			.single();
	}

	long publishedArticle(long creatorId, String title) {
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		return articles
			.importBatch(List.of(new NewArticle(unique("k"), creatorId, channel, title, "正文：" + title + "。\n\n第二段。", "",
					true, Aigc.NONE, null, System.currentTimeMillis())))
			.values()
			.iterator()
			.next();
	}

	@Test
	void aReplyToMyCommentShowsUpWithTheUnreadCountInTheHeaderAndReadingClearsIt() {
		long article = anyArticle();
		long author = account("评论者");
		long replier = account("回复者");
		Browser me = roles.signIn(author);
		me.page("/articles/" + article);
		assertThat(me.post("/articles/" + article + "/comments", Map.of("_csrf", me.csrfToken(), "text", "写得真好"))
			.statusCode()).isEqualTo(302);
		long comment = jdbc.sql("SELECT id FROM comments WHERE account_id = :a")
			.param("a", author)
			.query(Long.class)
			.single();
		assertThat(unreadBadge(me)).isNull();

		Browser other = roles.signIn(replier);
		other.page("/articles/" + article);
		assertThat(other
			.post("/articles/" + article + "/comments",
					Map.of("_csrf", other.csrfToken(), "text", "同意，尤其是第二段", "parent", Long.toString(comment)))
			.statusCode()).isEqualTo(302);

		await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(unreadBadge(me)));
		Document page = me.page("/messages").html();
		Element message = page.selectFirst("[data-testid=message][data-kind=reply]");
		assertThat(message).isNotNull();
		assertThat(message.select("[data-testid=message-new]")).hasSize(1);
		assertThat(message.select("[data-testid=message-link]").text()).contains("回复者").contains("回复了你");
		assertThat(message.select("[data-testid=message-note]").text()).contains("同意，尤其是第二段");
		// viewing the list read it: the header no longer counts it, and the message links
		// to the reply
		assertThat(unreadBadge(me)).isNull();
		assertThat(me.page("/messages").html().select("[data-testid=message-new]")).isEmpty();
		String open = message.selectFirst("[data-testid=message-link]").attr("href");
		assertThat(location(me.get(open))).endsWith("/articles/" + article + "#comment-"
				+ jdbc.sql("SELECT id FROM comments WHERE account_id = :a")
					.param("a", replier)
					.query(Long.class)
					.single());
		// the replier replying to their own comment, or the author to themselves, makes
		// no message
		assertThat(messagesOf(replier)).isZero();
	}

	@Test
	void aTakedownArrivesWithItsStatementOfReasonsAndAppealLinkWithoutAMailServer() {
		long creatorAccount = account("被处理的作者");
		long creator = roles.approve(creatorAccount, "作者");
		long article = publishedArticle(creator, "一篇会被下架的文章");
		long admin = account("审核员");
		Report report = reports.file(new Reports.Filing("article", article, "infringement", "抄袭", ""), "reader-key",
				null);
		reports.decide(report.id(), Decision.TAKE_DOWN, "平台公约 一、2 侵犯他人著作权、肖像权、名誉权等合法权益的内容，包括抄袭、洗稿", "全文与他人作品一致，未注明来源。",
				new SignedIn(admin, "admin@inkstone.test", "审核员", "ADMIN"));

		Browser me = roles.signIn(creatorAccount);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> me.page("/messages")
				.html()
				.selectFirst("[data-testid=message][data-kind=moderation]") != null);
		Document page = me.page("/messages").html();
		Element takedown = page.selectFirst("[data-testid=message][data-kind=moderation]");
		assertThat(takedown.select("[data-testid=message-link]").text()).contains("一篇会被下架的文章")
			.contains("下架")
			.contains(report.ref());
		assertThat(takedown.select("[data-testid=message-note]").text()).contains("处理内容")
			.contains("平台公约 一、2")
			.contains("全文与他人作品一致")
			.contains("/appeals/" + report.id());
		// in the reader's language only, with the appeal address as a link
		assertThat(takedown.select("[data-testid=message-note]").text()).doesNotContain("——")
			.doesNotContain("Facts and reasons");
		assertThat(takedown.select("[data-testid=message-note-link]").attr("href")).endsWith("/appeals/" + report.id());
		assertThat(me.page("/messages?lang=en")
			.html()
			.selectFirst("[data-testid=message][data-kind=moderation] [data-testid=message-note]")
			.text()).contains("Facts and reasons").doesNotContain("事实与理由");
		assertThat(takedown.select("[data-testid=message-appeal]").attr("href")).isEqualTo("/appeals/" + report.id());
		assertThat(me.get("/appeals/" + report.id()).statusCode()).isEqualTo(200);
		// the 入驻 decision came the same way
		assertThat(page.select("[data-testid=message][data-kind=application]").text()).contains("入驻申请已通过");
	}

	@Test
	void aRedeliveredEventCreatesNoSecondMessageAndLikesAreCountedPerArticleAndDay() {
		long author = account("被回复的人");
		long replier = account("回复的人");
		CommentReplied replied = new CommentReplied(System.nanoTime(), 1, anyArticle(), author, replier, "回复的人", "一次");
		transaction.executeWithoutResult(status -> events.publishEvent(replied));
		await().atMost(Duration.ofSeconds(15)).until(() -> messagesOf(author) == 1);
		// the same event again, as the registry redelivers it after a failure or a
		// restart
		transaction.executeWithoutResult(status -> events.publishEvent(replied));
		await().atMost(Duration.ofSeconds(15)).until(this::noPendingDeliveries);
		assertThat(messagesOf(author)).isEqualTo(1);

		long creatorAccount = account("被点赞的作者");
		long article = publishedArticle(roles.approve(creatorAccount, "作者"), "一篇被点赞的文章");
		long fan = account("点赞的读者");
		long at = System.currentTimeMillis();
		for (String reader : List.of("u" + Long.toHexString(fan), "anon-reader-1", "anon-reader-2", "anon-reader-1",
				"u" + Long.toHexString(creatorAccount))) {
			transaction.executeWithoutResult(status -> events.publishEvent(new ArticleLiked(article, reader, at)));
		}
		await().atMost(Duration.ofSeconds(15)).until(this::noPendingDeliveries);
		List<Map<String, Object>> likes = jdbc
			.sql("SELECT kind, actor_count FROM messages WHERE recipient_id = :r AND kind = 'like'")
			.param("r", creatorAccount)
			.query()
			.listOfRows();
		assertThat(likes).hasSize(1); // three readers (one liked twice), the creator's
										// own like does not count
		assertThat(((Number) likes.get(0).get("actor_count")).intValue()).isEqualTo(3);
		Browser me = roles.signIn(creatorAccount);
		assertThat(me.page("/messages").html().select("[data-testid=message][data-kind=like]").text()).contains("3")
			.contains("一篇被点赞的文章");
	}

	boolean noPendingDeliveries() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE 'messages.%'")
			.query(Long.class)
			.single() == 0;
	}

	@Test
	void nobodySeesAnotherAccountsMessagesAndAnonymousReadersAreSentToSignIn() {
		long owner = account("收件人");
		long stranger = account("旁人");
		transaction.executeWithoutResult(status -> events
			.publishEvent(new CommentReplied(System.nanoTime(), 1, anyArticle(), owner, stranger, "旁人", "私信内容")));
		await().atMost(Duration.ofSeconds(15)).until(() -> messagesOf(owner) == 1);
		long id = jdbc.sql("SELECT id FROM messages WHERE recipient_id = :r")
			.param("r", owner)
			.query(Long.class)
			.single();

		Browser other = roles.signIn(stranger);
		assertThat(other.get("/messages/" + id).statusCode()).isEqualTo(404);
		assertThat(other.page("/messages").html().text()).doesNotContain("私信内容");
		assertThat(other.post("/messages/read", Map.of("_csrf", other.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE id = :id AND read_at IS NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(other.get("/messages/not-a-number").statusCode()).isIn(400, 404); // never
																						// a
																						// 500

		Browser anonymous = new Browser(port);
		assertThat(location(anonymous.get("/messages"))).endsWith("/login");
		assertThat(location(anonymous.get("/messages/" + id))).endsWith("/login");
		anonymous.page("/");
		assertThat(anonymous.post("/messages/read", Map.of("_csrf", anonymous.csrfToken())).statusCode()).isIn(302,
				403);
		assertThat(anonymous.page("/").html().select("[data-testid=messages-link], [data-testid=unread-count]"))
			.isEmpty();

		Browser me = roles.signIn(owner);
		assertThat(unreadBadge(me)).isEqualTo("1");
		assertThat(me.post("/messages/read", Map.of("_csrf", me.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(unreadBadge(me)).isNull();
		assertThat(location(me.get("/messages/" + id))).contains("/articles/");
	}

	@Test
	void mailPreferencesAreChosenOnTheAccountPageAndOneClickUnsubscribeWorksWithoutSignIn() {
		long account = account("订阅者");
		Browser me = roles.signIn(account);
		Document page = me.page("/account/notifications").html();
		assertThat(page.select("input[name=mail][checked]").eachAttr("value")).containsExactlyInAnyOrder("application",
				"review", "moderation", "appeal");
		assertThat(me.page("/account").html().select("[data-testid=account-notifications]").attr("href"))
			.isEqualTo("/account/notifications");
		assertThat(location(me.post("/account/notifications", Map.of("_csrf", me.csrfToken(), "mail", "reply"))))
			.endsWith("/account/notifications?saved");
		assertThat(preferences.of(account)).containsEntry(NoticeKind.REPLY, true)
			.containsEntry(NoticeKind.MODERATION, false);

		String token = preferences.unsubscribeToken(account, NoticeKind.REPLY);
		Browser stranger = new Browser(port);
		assertThat(stranger.page("/mail/unsubscribe?t=" + token).html().select("[data-testid=unsubscribe-confirm]"))
			.hasSize(1);
		assertThat(preferences.wantsMail(account, NoticeKind.REPLY)).isTrue(); // a GET (a
																				// link
																				// scanner)
																				// changes
																				// nothing
		// RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", without cookies
		// or a CSRF token
		HttpResponse<String> oneClick = new Browser(port).post("/mail/unsubscribe?t=" + token,
				Map.of("List-Unsubscribe", "One-Click"));
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(preferences.wantsMail(account, NoticeKind.REPLY)).isFalse();

		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAA";
		assertThat(new Browser(port).post("/mail/unsubscribe?t=" + forged, Map.of()).statusCode()).isEqualTo(400);
		String otherAccount = Long.toString(account + 1, 36) + token.substring(token.indexOf('.'));
		assertThat(new Browser(port).get("/mail/unsubscribe?t=" + otherAccount).statusCode()).isEqualTo(400);
		assertThat(new Browser(port).get("/mail/unsubscribe").statusCode()).isEqualTo(400);
		assertThat(location(new Browser(port).get("/account/notifications"))).endsWith("/login");
	}

}
