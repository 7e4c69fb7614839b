package io.inkstone.shared;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PublicUrlTests {

	private static PublicUrl of(String configured, MockEnvironment environment) {
		return new PublicUrl(
				new InkstoneProperties(null, "test", null, null, null, null, null, false, null, null, configured),
				environment, null);
	}

	@Test
	void buildsLinksOnTheConfiguredAddressWithoutDoubleSlashes() {
		PublicUrl url = of(" https://news.example/ ", new MockEnvironment());
		assertThat(url.absolute("/password/reset?token=abc"))
			.isEqualTo("https://news.example/password/reset?token=abc");
		assertThat(of("https://news.example/inkstone", new MockEnvironment()).absolute("/articles/1"))
			.isEqualTo("https://news.example/inkstone/articles/1");
	}

	@Test
	void fallsBackToLocalhostOnTheServersPortNeverARequestsHost() {
		assertThat(of(null, new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
		assertThat(of("", new MockEnvironment().withProperty("server.port", "9000")).base())
			.isEqualTo("http://localhost:9000");
		assertThat(of(null,
				new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "41234"))
			.absolute("/x")).isEqualTo("http://localhost:41234/x");
	}

	@Test
	void refusesAnAddressThatIsNotAnHttpUrl() {
		assertThatIllegalStateException().isThrownBy(() -> of("news.example", new MockEnvironment()));
		assertThatIllegalStateException().isThrownBy(() -> of("javascript:alert(1)", new MockEnvironment()));
		assertThatIllegalStateException()
			.isThrownBy(() -> of("https://news.example/?next=evil", new MockEnvironment()));
	}

	@Test
	void theWarningWithoutAnAddressNamesEverythingThatUsesIt() {
		assertThat(PublicUrl.NOT_SET).contains("localhost", "feeds", "sitemaps", "robots.txt", "canonical", "API",
				"pings", "INKSTONE_PUBLIC_URL");
	}

}
