package io.inkstone.backup;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.shared.SecretBox;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /admin/backups}: admins only, CSRF on, a backup started from the page, listed
 * with its counts, checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminBackupsIntegrationTests {

	static final Path BACKUPS = Databases.freshDataDir();

	static final Path DATA = Databases.freshDataDir();

	static final String SMTP_PASSWORD = "plain-smtp-secret-4711";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", DATA::toString);
		registry.add("inkstone.backup.dir", BACKUPS::toString);
		registry.add("inkstone.admin.email", () -> "backup-admin@inkstone.test");
		registry.add("inkstone.admin.password", () -> "backup-password-1");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	private Browser signIn(String email, String password) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	@Test
	void anAdminBacksUpFromThePageAndSeesTheBackupListedAndChecked() throws Exception {
		Browser admin = signIn("backup-admin@inkstone.test", "backup-password-1");
		Browser.Page empty = admin.page("/admin/backups");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.testId("backups-empty")).isNotNull();
		assertThat(admin.post("/admin/backups", Map.of()).statusCode()).isEqualTo(403); // no
																						// CSRF
																						// token
		// an SMTP password: in the database only encrypted, under a key the archive
		// leaves out
		admin.page("/admin/settings");
		assertThat(admin.post("/admin/settings/mail",
				Map.of("_csrf", admin.csrfToken(), "host", "smtp.example.com", "port", "465", "security", "ssl",
						"username", "mailer@example.com", "password", SMTP_PASSWORD, "from", "mailer@example.com",
						"fromName", ""))
			.statusCode()).isEqualTo(302);
		Path key = DATA.resolve(SecretBox.KEY_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		HttpResponse<String> started = admin.post("/admin/backups", Map.of("_csrf", admin.csrfToken()));
		assertThat(started.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "false".equals(admin.page("/admin/backups").testId("backups").attr("data-running")));
		Browser.Page listed = admin.page("/admin/backups");
		Element row = listed.testId("backup-row");
		assertThat(row.attr("data-name")).matches(Backups.NAME);
		assertThat(Files.exists(BACKUPS.resolve(row.attr("data-name")).resolve(BackupManifest.FILE))).isTrue();
		assertThat(row.select("[data-testid=backup-status]").text()).isEqualTo("已校验");
		long articles = BackupManifest.read(BACKUPS.resolve(row.attr("data-name"))).rows("articles");
		// neither the key nor the plain password is in the archive
		byte[] password = SMTP_PASSWORD.getBytes(StandardCharsets.UTF_8);
		byte[] keyBytes = Files.readString(key).strip().getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(BACKUPS.resolve(row.attr("data-name")))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(file.getFileName().toString()).isNotEqualTo(SecretBox.KEY_FILE);
				byte[] content = Files.readAllBytes(file);
				assertThat(contains(content, password)).as("the plain password in " + file).isFalse();
				assertThat(contains(content, keyBytes)).as("the key in " + file).isFalse();
			}
		}
		assertThat(row.select("td").get(3).text()).isEqualTo(Long.toString(articles));

		// a backup damaged afterwards: "check" reads it back and says so
		Path db = BACKUPS.resolve(row.attr("data-name")).resolve(BackupManifest.SQLITE_FILE);
		byte[] bytes = Files.readAllBytes(db);
		bytes[100] ^= 1;
		Files.write(db, bytes);
		assertThat(admin.post("/admin/backups/" + row.attr("data-name") + "/check", Map.of("_csrf", admin.csrfToken()))
			.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> admin.page("/admin/backups").testId("backup-status").text().startsWith("校验失败"));
		assertThat(admin.page("/admin/backups").testId("backup-status").text()).contains(BackupManifest.SQLITE_FILE);
		assertThat(admin.post("/admin/backups/..%2F..%2Fetc/check", Map.of("_csrf", admin.csrfToken())).statusCode())
			.isIn(400, 404);
		assertThat(admin.post("/admin/backups/nothing/check", Map.of("_csrf", admin.csrfToken())).statusCode())
			.isEqualTo(404);
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Test
	void readersAndAnonymousVisitorsCannotSeeOrStartBackups() {
		Browser anonymous = new Browser(port);
		HttpResponse<String> page = anonymous.get("/admin/backups");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
		accounts.signUp("backup-reader@inkstone.test", "reader-password-1", "读者", Role.READER);
		Browser reader = signIn("backup-reader@inkstone.test", "reader-password-1");
		assertThat(reader.get("/admin/backups").statusCode()).isEqualTo(403);
		assertThat(reader.post("/admin/backups", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(403);
		accounts.signUp("backup-reviewer@inkstone.test", "reviewer-password-1", "审核", Role.REVIEWER);
		Browser reviewer = signIn("backup-reviewer@inkstone.test", "reviewer-password-1");
		assertThat(reviewer.get("/admin/backups").statusCode()).isEqualTo(403);
	}

}
