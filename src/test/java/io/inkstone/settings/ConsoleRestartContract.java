package io.inkstone.settings;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.MailServer;
import io.inkstone.support.TestImages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console and the account pages change survives a restart on the same data (a
 * second application context): an uploaded avatar is still served and shown, the mail
 * server an admin set (its password encrypted under the key kept in the data directory)
 * still sends, and a label a reviewer put on an article is still on it.
 */
abstract class ConsoleRestartContract {

	static final String EMAIL = "restart-console@inkstone.test";

	static final String PASSWORD = "restart-console-1";

	static final String MAILBOX = "mailer@restart.test";

	static final String MAILBOX_SECRET = "restart-secret";

	static final MailServer SMTP = MailServer.smtp().start().user(MAILBOX, MAILBOX_SECRET);

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	ConfigurableApplicationContext start(Path dataDir) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir,
				"--inkstone.admin.email=" + EMAIL, "--inkstone.admin.password=" + PASSWORD));
		args.addAll(databaseArguments());
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Browser signIn(ConfigurableApplicationContext context, String email, String password) {
		Browser b = new Browser(port(context));
		b.page("/login");
		assertThat(b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password))
			.headers()
			.firstValue("Location")
			.orElse("")).doesNotContain("error");
		return b;
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	static String flash(Browser admin, HttpResponse<String> posted) {
		assertThat(posted.statusCode()).isEqualTo(302);
		return admin.page(location(posted)).html().select("[data-testid=identity-flash]").text();
	}

	@Test
	void anAvatarTheMailServerAndALabelSurviveARestart() {
		Path dataDir = Databases.freshDataDir();
		String readerEmail = "restart-reader@inkstone.test";
		String writerEmail = "restart-writer@inkstone.test";
		String avatar;
		long articleId;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Accounts accounts = first.getBean(Accounts.class);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			// an avatar
			long reader = accounts.signUp(readerEmail, PASSWORD, "重启读者", Role.READER).orElseThrow().accountId();
			Browser me = signIn(first, readerEmail, PASSWORD);
			me.page("/account/settings");
			assertThat(me
				.postMultipart("/account/avatar", Map.of("_csrf", me.csrfToken()), "avatar", "me.png", "image/png",
						TestImages.encode(TestImages.picture(400, 300), "png"), "text/html")
				.statusCode()).isEqualTo(302);
			avatar = jdbc.sql("SELECT avatar_url FROM accounts WHERE id = :id")
				.param("id", reader)
				.query(String.class)
				.single();
			assertThat(avatar).startsWith("/media/");

			// the mail server
			Browser admin = signIn(first, EMAIL, PASSWORD);
			admin.page("/admin/settings");
			assertThat(flash(admin,
					admin.post("/admin/settings/mail",
							Map.of("_csrf", admin.csrfToken(), "host", "127.0.0.1", "port",
									Integer.toString(SMTP.port()), "security", "none", "username", MAILBOX, "password",
									MAILBOX_SECRET, "from", MAILBOX, "fromName", "重启测试"))))
				.isNotBlank();

			// a label on a reported article
			long writer = accounts.signUp(writerEmail, PASSWORD, "重启作者", Role.READER).orElseThrow().accountId();
			CreatorApplications applications = first.getBean(CreatorApplications.class);
			assertThat(applications.apply(writer,
					new CreatorApplications.Form("个人", "重启作者号", "restartwriter", "", "tech", "微信 x", "", "", true)))
				.isEmpty();
			applications
				.approve(applications.of(writer).stream().map(CreatorApplication::id).findFirst().orElseThrow());
			Browser studio = signIn(first, writerEmail, PASSWORD);
			studio.page("/studio/articles/new");
			HttpResponse<String> published = studio.post("/studio/articles",
					Map.of("_csrf", studio.csrfToken(), "title", "重启前的传闻", "body", "据说明天全城停电一整天。", "channel", "tech",
							"original", "yes", "action", "publish"));
			assertThat(location(published)).contains("?published");
			articleId = Long.parseLong(location(published).replaceAll(".*/studio/articles/(\\d+).*", "$1"));
			Browser anonymous = new Browser(port(first));
			anonymous.page("/articles/" + articleId);
			assertThat(anonymous
				.post("/report",
						Map.of("_csrf", anonymous.csrfToken(), "type", "article", "id", Long.toString(articleId),
								"reason", "rumour", "detail", "供电局没有通知。"))
				.statusCode()).isEqualTo(302);
			long reportId = jdbc.sql("SELECT id FROM reports WHERE article_id = :a")
				.param("a", articleId)
				.query(Long.class)
				.single();
			admin.page("/admin/reports/" + reportId);
			assertThat(admin
				.post("/admin/reports/" + reportId + "/decide", Map.of("_csrf", admin.csrfToken(), "decision", "label",
						"rule", "平台公约 一、1 谣言及虚假信息", "statement", "停电消息未经供电局证实。"))
				.statusCode()).isEqualTo(302);
			assertThat(new Browser(port(first)).page("/articles/" + articleId)
				.html()
				.select("[data-testid=moderation-label]")
				.attr("data-label")).isEqualTo("disputed");
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			// the avatar is served and shown
			Browser me = signIn(second, readerEmail, PASSWORD);
			Document settings = me.page("/account/settings").html();
			assertThat(settings.selectFirst("[data-testid=current-avatar]").attr("src")).isEqualTo(avatar);
			assertThat(settings.selectFirst("[data-testid=header-avatar]").attr("src")).isEqualTo(avatar);
			HttpResponse<byte[]> image = me.getBytes(avatar);
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");

			// the mail server: shown, its password read with the key kept in the data
			// directory, and a test mail goes out
			Browser admin = signIn(second, EMAIL, PASSWORD);
			Document page = admin.page("/admin/settings").html();
			assertThat(page.selectFirst("input[name=host]").val()).isEqualTo("127.0.0.1");
			assertThat(page.selectFirst("input[name=port]").val()).isEqualTo(Integer.toString(SMTP.port()));
			assertThat(page.select("[data-testid=mail-password-unreadable]")).isEmpty();
			assertThat(flash(admin, admin.post("/admin/settings/mail/test", Map.of("_csrf", admin.csrfToken()))))
				.containsAnyOf("测试邮件已发出", "Test mail sent");
			SMTP.awaitMessage(EMAIL, Duration.ofSeconds(15));

			// the label is still on the article
			assertThat(new Browser(port(second)).page("/articles/" + articleId)
				.html()
				.select("[data-testid=moderation-label]")
				.attr("data-label")).isEqualTo("disputed");
		}
	}

}
