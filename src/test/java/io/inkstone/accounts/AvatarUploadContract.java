package io.inkstone.accounts;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.support.Browser;
import io.inkstone.support.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.FieldErrorTies.assertTied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /account/avatar} over real HTTP, for every signed-in account: a good image
 * stored as a resized rendition and shown in the settings, the header and (for a creator)
 * the creator card; a file that is no image 400, an image over the limit 413, each with a
 * message beside the field and nothing stored; signed out or without the CSRF token,
 * refused. Runs once per database.
 */
abstract class AvatarUploadContract {

	static final String PASSWORD = "avatar-password-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	JdbcClient jdbc;

	long accountId;

	String newAccount() {
		String email = "av" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accountId = accounts.signUp(email, PASSWORD, "头像读者", Role.READER).orElseThrow().accountId();
		return email;
	}

	Browser signIn(String email) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	static HttpResponse<String> upload(Browser b, String type, byte[] bytes, String csrf) {
		return b.postMultipart("/account/avatar", csrf == null ? Map.of() : Map.of("_csrf", csrf), "avatar",
				"me." + type.substring(type.indexOf('/') + 1), type, bytes, "text/html");
	}

	String storedAvatar() {
		return jdbc.sql("SELECT avatar_url FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aReaderUploadsAnAvatarShownInSettingsAndHeader() {
		Browser me = signIn(newAccount());
		me.page("/account/settings");
		HttpResponse<String> r = upload(me, "image/png", TestImages.encode(TestImages.picture(800, 600), "png"),
				me.csrfToken());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/account/settings?avatarSaved");
		String url = storedAvatar();
		assertThat(url).as("the 480-pixel rendition").startsWith("/media/").contains("/480.");

		Document page = me.page("/account/settings?avatarSaved").html();
		assertThat(page.selectFirst("[data-testid=flash]").text()).contains("头像已更新");
		assertThat(page.selectFirst("[data-testid=current-avatar]").attr("src")).isEqualTo(url);
		assertThat(page.selectFirst("[data-testid=header-avatar]").attr("src")).isEqualTo(url);
		HttpResponse<byte[]> image = me.getBytes(url);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
	}

	@Test
	void aCreatorsCardFollowsTheAccountAvatar() {
		String email = newAccount();
		assertThat(applications.apply(accountId,
				new CreatorApplications.Form("个人", "头像作者" + Long.toString(System.nanoTime(), 36),
						"av" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "", "travel", "微信 av", "", "",
						true)))
			.isEmpty();
		applications.approve(applications.of(accountId).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		Browser me = signIn(email);
		me.page("/account/settings");
		assertThat(upload(me, "image/jpeg", TestImages.jpegWithGps(900, 600, 1), me.csrfToken()).statusCode())
			.isEqualTo(302);
		String url = storedAvatar();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql("SELECT avatar_url FROM creators WHERE account_id = :a")
				.param("a", accountId)
				.query(String.class)
				.single()).isEqualTo(url));
	}

	@Test
	void aFileThatIsNoImageIs400AndATooLargeOne413WithAMessage() {
		Browser me = signIn(newAccount());
		me.page("/account/settings");
		HttpResponse<String> text = upload(me, "image/png", "not an image, a text file".getBytes(), me.csrfToken());
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(text.body()).selectFirst("[data-field=avatar]").text()).isNotBlank();
		assertTied(Jsoup.parse(text.body()), "form[data-testid=avatar-form] input[name=avatar]", "avatar");

		HttpResponse<String> none = upload(me, "image/png", new byte[0], me.csrfToken());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(none.body()).selectFirst("[data-field=avatar]").text()).contains("请选择");

		byte[] big = new byte[Avatars.MAX_MEGABYTES * 1024 * 1024 + 1];
		byte[] png = TestImages.encode(TestImages.picture(64, 64), "png");
		System.arraycopy(png, 0, big, 0, png.length);
		HttpResponse<String> tooLarge = upload(me, "image/png", big, me.csrfToken());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(tooLarge.body()).selectFirst("[data-field=avatar]").text())
			.contains(Avatars.MAX_MEGABYTES + " MB");
		assertThat(storedAvatar()).as("nothing stored").isNull();
	}

	@Test
	void signedOutOrWithoutTheTokenNothingIsStored() {
		Browser anonymous = new Browser(port);
		HttpResponse<String> r = upload(anonymous, "image/png", TestImages.encode(TestImages.picture(200, 200), "png"),
				anonymous.csrfToken());
		assertThat(r.statusCode()).isIn(302, 401, 403);
		assertThat(r.headers().firstValue("Location").orElse("/login")).contains("/login");

		Browser me = signIn(newAccount());
		me.page("/account/settings");
		assertThat(upload(me, "image/png", TestImages.encode(TestImages.picture(200, 200), "png"), null).statusCode())
			.isEqualTo(403);
		assertThat(storedAvatar()).isNull();
	}

}
