package io.inkstone.settings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.inkstone.accounts.Role;
import io.inkstone.shared.SecretBox;
import io.inkstone.shared.SiteSettings;
import io.inkstone.support.Browser;
import io.inkstone.support.MailServer;
import io.inkstone.support.SignedInRoles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server, public address and logo parts of {@code /admin/settings} over real
 * HTTP, once per database: only admins change them; bad input is a 400 (413 for a logo
 * too large) with the field's message and stores nothing; a saved mail server is used at
 * once (a test send reaches GreenMail over plain SMTP and SMTPS, and a down or wrong
 * server is told in words); a saved address is in every absolute link at once; an
 * uploaded logo is served to the header at once and reset to the bundled one.
 */
@Import(SignedInRoles.class)
abstract class SiteIdentityContract {

	static final String MAILBOX = "mailer@identity.test";

	static final String MAILBOX_SECRET = "right-secret";

	/**
	 * Plain SMTP and SMTPS (self-signed; the test trusts it by inkstone.mail.ssl-trust).
	 */
	static final MailServer SMTP = MailServer.smtpAndSmtps().start().user(MAILBOX, MAILBOX_SECRET);

	@LocalServerPort
	int port;

	@Autowired
	SignedInRoles roles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	SiteSettings settings;

	@Autowired
	SiteIdentityChanges identity;

	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.mail.ssl-trust", () -> "*");
		registry.add("inkstone.admin.email", () -> "admin@identity.test");
		registry.add("inkstone.admin.password", () -> "identity-admin-1");
		registry.add("inkstone.public-url", () -> "https://configured.example");
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE value IS NOT NULL").query(Long.class).single();
	}

	long audits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.change'").query(Long.class).single();
	}

	String text(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	String textEn(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

	static Map<String, String> mailForm(Browser admin, String host, int smtpPort, String security, String user,
			String password) {
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", admin.csrfToken());
		form.put("host", host);
		form.put("port", Integer.toString(smtpPort));
		form.put("security", security);
		form.put("username", user);
		form.put("password", password);
		form.put("from", MAILBOX);
		form.put("fromName", "砚台测试");
		return form;
	}

	/** Posts the form, follows the redirect and returns the flash of the section. */
	String flashAfter(Browser admin, HttpResponse<String> posted) {
		assertThat(posted.statusCode()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		Document page = admin.page(location.substring(location.indexOf("/admin"))).html();
		return page.select("[data-testid=identity-flash]").text();
	}

	String testSend(Browser admin) {
		return flashAfter(admin, admin.post("/admin/settings/mail/test", Map.of("_csrf", admin.csrfToken())));
	}

	static byte[] png(int width, int height, Color color) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Every test leaves the site as configured. */
	@AfterEach
	void backToConfigured() {
		jdbc.sql("UPDATE site_settings SET value = NULL, version = version + 1 WHERE name LIKE 'mail.%' "
				+ "OR name IN ('site.public-url', 'site.logo')")
			.update();
		// as another node's change would: seen at the next check, not at once
	}

	@Test
	void onlyAdminsChangeMailAddressAndLogo() {
		long rowsBefore = rows();
		Browser anonymous = new Browser(port);
		assertThat(anonymous
			.post("/admin/settings/public-url",
					Map.of("_csrf", anonymous.csrfToken(), "publicUrl", "https://evil.example"))
			.headers()
			.firstValue("Location")
			.orElse("")).endsWith("/login");
		for (Role role : List.of(Role.READER, Role.CREATOR, Role.REVIEWER)) {
			Browser someone = roles.signIn(roles.account("非管理员", role));
			assertThat(someone.post("/admin/settings/mail", mailForm(someone, "evil.example", 25, "none", "", ""))
				.statusCode()).isEqualTo(403);
			assertThat(someone.post("/admin/settings/mail/test", Map.of("_csrf", someone.csrfToken())).statusCode())
				.isEqualTo(403);
			assertThat(someone
				.post("/admin/settings/public-url",
						Map.of("_csrf", someone.csrfToken(), "publicUrl", "https://evil.example"))
				.statusCode()).isEqualTo(403);
			assertThat(someone
				.postMultipart("/admin/settings/logo", Map.of("_csrf", someone.csrfToken()), "logo", "logo.png",
						"image/png", png(40, 20, Color.RED), "text/html")
				.statusCode()).isEqualTo(403);
			assertThat(someone.post("/admin/settings/logo/reset", Map.of("_csrf", someone.csrfToken())).statusCode())
				.isEqualTo(403);
		}
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(new Browser(port).get("/robots.txt").body()).contains("https://configured.example/sitemap.xml");
	}

	@Test
	void badMailSettingsAreRefusedFieldByFieldAndStoreNothing() {
		Browser admin = roles.admin();
		long rowsBefore = rows();
		long auditsBefore = audits();
		List<List<String>> cases = List.of(List.of("host", "smtp://smtp.qq.com"), List.of("host", "smtp.qq.com:465"),
				List.of("port", "99999"), List.of("port", ""), List.of("port", "abc"), List.of("security", "tls13"),
				List.of("from", "not an address"), List.of("fromName", "名".repeat(61)));
		for (List<String> c : cases) {
			Map<String, String> form = mailForm(admin, "smtp.qq.com", 465, "ssl", "me@qq.com", "the-secret-code");
			form.put(c.get(0), c.get(1));
			HttpResponse<String> refused = admin.post("/admin/settings/mail", form);
			assertThat(refused.statusCode()).as(c.toString()).isEqualTo(400);
			Document page = Jsoup.parse(refused.body());
			assertThat(page.select("[data-field=" + c.get(0) + "]").text()).as(c.toString()).isNotBlank();
			// the password is never sent back, not even in a refused form
			assertThat(refused.body()).doesNotContain("the-secret-code");
			assertThat(page.selectFirst("input[name=host]").val()).isEqualTo(form.get("host"));
		}
		Map<String, String> noSender = mailForm(admin, "smtp.qq.com", 465, "ssl", "", "");
		noSender.put("from", "");
		HttpResponse<String> refused = admin.post("/admin/settings/mail", noSender);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("[data-field=from]").text())
			.isIn(text("siteIdentity.error.fromRequired"), textEn("siteIdentity.error.fromRequired"));
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(audits()).isEqualTo(auditsBefore);
	}

	@Test
	void aPresetOnlyFillsTheForm() {
		Browser admin = roles.admin();
		long rowsBefore = rows();
		Document page = admin.page("/admin/settings?mailPreset=exmail").html();
		assertThat(page.selectFirst("input[name=host]").val()).isEqualTo("smtp.exmail.qq.com");
		assertThat(page.selectFirst("input[name=port]").val()).isEqualTo("465");
		assertThat(page.selectFirst("input[name=security][checked]").val()).isEqualTo("ssl");
		assertThat(page.select("[data-testid^=preset-]")).hasSize(4);
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void aSavedServerIsUsedAtOnceAndTheTestMailArrivesOverPlainSmtp() throws Exception {
		long adminId = roles.account("管理员", Role.ADMIN);
		Browser admin = roles.signIn(adminId);
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.NOT_CONFIGURED"),
				textEn("siteIdentity.test.NOT_CONFIGURED"));
		long auditsBefore = audits();
		String saved = flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, MAILBOX_SECRET)));
		assertThat(saved).isIn(text("siteIdentity.done.mailSaved"), textEn("siteIdentity.done.mailSaved"));
		Document page = admin.page("/admin/settings").html();
		assertThat(page.selectFirst("input[name=host]").val()).isEqualTo("127.0.0.1");
		assertThat(page.selectFirst("input[name=password]").val()).isEmpty();
		assertThat(page.outerHtml()).doesNotContain(MAILBOX_SECRET);
		// one entry per setting; the password only as ***
		assertThat(audits() - auditsBefore).isEqualTo(7);
		List<String> details = jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'settings.change' AND target_id = 'mail.password'")
			.query(String.class)
			.list();
		assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain(MAILBOX_SECRET).contains("***"));
		// the row holds the password encrypted, never in plain text
		String row = storedPassword();
		assertThat(row).startsWith("enc:v1:").doesNotContain(MAILBOX_SECRET);

		assertThat(testSend(admin)).isIn(text("siteIdentity.test.SENT"), textEn("siteIdentity.test.SENT"));
		MimeMessage mail = received(roles.email(adminId));
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo(MAILBOX);
		assertThat(from.getPersonal()).isEqualTo("砚台测试");

		// an empty password keeps the stored one: still signs in
		Map<String, String> again = mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, "");
		again.put("fromName", "砚台");
		flashAfter(admin, admin.post("/admin/settings/mail", again));
		assertThat(storedPassword()).isEqualTo(row);
	}

	String storedPassword() {
		return jdbc.sql("SELECT value FROM site_settings WHERE name = 'mail.password'").query(String.class).single();
	}

	/**
	 * Stores a value behind the page's back, as a restore or an earlier version would.
	 */
	void storeBehind(String name, String value) {
		jdbc.sql("UPDATE site_settings SET value = :value, version = version + 1 WHERE name = :name")
			.param("name", name)
			.param("value", value)
			.update();
		settings.refresh();
	}

	@Test
	void aPasswordEncryptedUnderAnotherKeyAsksToBeEnteredAgainInWords() throws Exception {
		long adminId = roles.account("管理员", Role.ADMIN);
		Browser admin = roles.signIn(adminId);
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, MAILBOX_SECRET)));
		// as after a backup restored on a machine without this site's key
		storeBehind(SiteSettings.MAIL_PASSWORD,
				new SecretBox("another site's key, not this one: 0123456789abcdef").encrypt(MAILBOX_SECRET));
		Browser.Page page = admin.page("/admin/settings");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("[data-testid=mail-password-unreadable]").text())
			.isIn(text("siteIdentity.passwordUnreadableNotice"), textEn("siteIdentity.passwordUnreadableNotice"));
		assertThat(page.html().select("#mail-password-hint").text()).isIn(text("siteIdentity.passwordUnreadable"),
				textEn("siteIdentity.passwordUnreadable"));
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.PASSWORD_UNREADABLE"),
				textEn("siteIdentity.test.PASSWORD_UNREADABLE"));
		// entered again: stored under this site's key, and mail goes out
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, MAILBOX_SECRET)));
		assertThat(admin.page("/admin/settings").html().select("[data-testid=mail-password-unreadable]")).isEmpty();
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.SENT"), textEn("siteIdentity.test.SENT"));
		assertThat(received(roles.email(adminId))).isNotNull();
	}

	@Test
	void aPlainPasswordFromAnEarlierVersionIsReadAndEncryptedOnStart() throws Exception {
		long adminId = roles.account("管理员", Role.ADMIN);
		Browser admin = roles.signIn(adminId);
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, MAILBOX_SECRET)));
		storeBehind(SiteSettings.MAIL_PASSWORD, MAILBOX_SECRET);
		// read as plain text until then
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.SENT"), textEn("siteIdentity.test.SENT"));
		identity.encryptPlainPassword(); // what every start does
		assertThat(storedPassword()).startsWith("enc:v1:").doesNotContain(MAILBOX_SECRET);
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.SENT"), textEn("siteIdentity.test.SENT"));
		assertThat(received(roles.email(adminId))).isNotNull();
	}

	@Test
	void theTestMailArrivesOverSmtps() throws Exception {
		long adminId = roles.account("管理员", Role.ADMIN);
		Browser admin = roles.signIn(adminId);
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.smtpsPort(), "ssl", MAILBOX, MAILBOX_SECRET)));
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.SENT"), textEn("siteIdentity.test.SENT"));
		assertThat(received(roles.email(adminId)).getSubject()).contains("test mail");
	}

	@Test
	void aFailedTestSendSaysWhyInWords() {
		Browser admin = roles.admin();
		// nothing listens there
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", MailServer.freePort(), "none", MAILBOX, MAILBOX_SECRET)));
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.CONNECTION_REFUSED"),
				textEn("siteIdentity.test.CONNECTION_REFUSED"));
		// SSL/TLS against a plain server
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "ssl", MAILBOX, MAILBOX_SECRET)));
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.TLS"), textEn("siteIdentity.test.TLS"));
		// a wrong password
		flashAfter(admin, admin.post("/admin/settings/mail",
				mailForm(admin, "127.0.0.1", SMTP.port(), "none", MAILBOX, "wrong-secret")));
		assertThat(testSend(admin)).isIn(text("siteIdentity.test.AUTHENTICATION"),
				textEn("siteIdentity.test.AUTHENTICATION"));
	}

	@Test
	void testSendsAreLimited() {
		Browser admin = roles.admin();
		for (int i = 0; i < SiteIdentityChanges.TEST_MAILS; i++) {
			assertThat(admin.post("/admin/settings/mail/test", Map.of("_csrf", admin.csrfToken())).statusCode())
				.isEqualTo(302);
		}
		HttpResponse<String> limited = admin.post("/admin/settings/mail/test", Map.of("_csrf", admin.csrfToken()));
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void badPublicAddressesAreRefusedAndStoreNothing() {
		Browser admin = roles.admin();
		long rowsBefore = rows();
		for (String bad : List.of("news.example", "ftp://news.example", "https://news.example/?a=1",
				"https://news.example/#top", "https://user@news.example", "javascript:alert(1)", "https://",
				"https://news.example/" + "x".repeat(200))) {
			HttpResponse<String> refused = admin.post("/admin/settings/public-url",
					Map.of("_csrf", admin.csrfToken(), "publicUrl", bad));
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).select("[data-field=publicUrl]").text()).as(bad)
				.isIn(text("siteIdentity.error.publicUrl"), textEn("siteIdentity.error.publicUrl"));
		}
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(new Browser(port).get("/robots.txt").body()).contains("https://configured.example/sitemap.xml");
	}

	@Test
	void aSavedPublicAddressIsInEveryAbsoluteLinkAtOnceAndEmptyGoesBack() {
		Browser admin = roles.admin();
		assertThat(new Browser(port).get("/feed.xml").body()).contains("https://configured.example");
		long auditsBefore = audits();
		String saved = flashAfter(admin, admin.post("/admin/settings/public-url",
				Map.of("_csrf", admin.csrfToken(), "publicUrl", " https://news.example/ ")));
		assertThat(saved).isIn(text("siteIdentity.done.urlSaved"), textEn("siteIdentity.done.urlSaved"));
		assertThat(audits()).isEqualTo(auditsBefore + 1);
		Browser reader = new Browser(port);
		assertThat(reader.get("/robots.txt").body()).contains("Sitemap: https://news.example/sitemap.xml");
		assertThat(reader.get("/feed.xml").body()).contains("https://news.example")
			.doesNotContain("configured.example");
		// a request's Host never makes a link
		assertThat(reader.get("/robots.txt", "X-Forwarded-Host", "evil.example").body()).doesNotContain("evil");

		flashAfter(admin,
				admin.post("/admin/settings/public-url", Map.of("_csrf", admin.csrfToken(), "publicUrl", "")));
		assertThat(reader.get("/robots.txt").body()).contains("https://configured.example/sitemap.xml");
	}

	@Test
	void anUploadedLogoIsShownAtOnceAndResetGoesBack() {
		Browser admin = roles.admin();
		Browser reader = new Browser(port);
		byte[] bundled = reader.getBytes("/site-logo").body();
		assertThat(new Browser(port).page("/").html().select("img[data-testid=site-logo]").attr("src"))
			.isEqualTo("/site-logo");
		byte[] png = png(120, 40, Color.BLUE);
		String saved = flashAfter(admin, admin.postMultipart("/admin/settings/logo", Map.of("_csrf", admin.csrfToken()),
				"logo", "logo.png", "image/png", png, "text/html"));
		assertThat(saved).isIn(text("siteIdentity.done.logoSaved"), textEn("siteIdentity.done.logoSaved"));
		HttpResponse<byte[]> logo = reader.getBytes("/site-logo");
		assertThat(logo.statusCode()).isEqualTo(200);
		assertThat(logo.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(Arrays.equals(logo.body(), bundled)).isFalse();
		String key = jdbc.sql("SELECT value FROM site_settings WHERE name = 'site.logo'").query(String.class).single();
		assertThat(reader.getBytes("/media/" + key).statusCode()).isEqualTo(200);

		flashAfter(admin, admin.post("/admin/settings/logo/reset", Map.of("_csrf", admin.csrfToken())));
		assertThat(reader.getBytes("/site-logo").body()).isEqualTo(bundled);
	}

	@Test
	void badLogosAreRefusedAndStoreNothing() {
		Browser admin = roles.admin();
		long rowsBefore = rows();
		long auditsBefore = audits();
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		record Bad(String name, String type, byte[] bytes, int status, String key) {
		}
		byte[] large = new byte[SiteIdentityChanges.MAX_LOGO_BYTES + 1];
		byte[] header = png(10, 10, Color.RED);
		System.arraycopy(header, 0, large, 0, header.length);
		for (Bad bad : List.of(new Bad("logo.svg", "image/svg+xml", svg, 400, "siteIdentity.error.logoFormat"),
				new Bad("logo.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8), 400,
						"siteIdentity.error.logoFormat"),
				new Bad("logo.png", "image/png", large, 413, "siteIdentity.error.logoTooLarge"),
				new Bad("logo.png", "image/png", new byte[0], 400, "siteIdentity.error.logoMissing"))) {
			HttpResponse<String> refused = admin.postMultipart("/admin/settings/logo",
					Map.of("_csrf", admin.csrfToken()), "logo", bad.name(), bad.type(), bad.bytes(), "text/html");
			assertThat(refused.statusCode()).as(bad.key()).isEqualTo(bad.status());
			assertThat(Jsoup.parse(refused.body()).select("[data-field=logo]").text()).as(bad.key())
				.isIn(text(bad.key()), textEn(bad.key()));
		}
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(audits()).isEqualTo(auditsBefore);
	}

	MimeMessage received(String to) {
		return SMTP.awaitMessage(to, Duration.ofSeconds(10));
	}

}
