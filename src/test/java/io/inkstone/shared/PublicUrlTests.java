package io.inkstone.shared;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
	void warnsAtStartOnlyWhenNeitherConfiguredNorSetInTheSettings() {
		assertThat(PublicUrl.startupWarning(null, Optional.empty())).contains(PublicUrl.NOT_SET);
		assertThat(PublicUrl.startupWarning(null, Optional.of("https://news.example")))
			.as("an address stored in /admin/settings is in force")
			.isEmpty();
		assertThat(PublicUrl.startupWarning("https://news.example", Optional.empty())).isEmpty();
	}

	@Test
	void theWarningWithoutAnAddressNamesEverythingThatUsesIt() {
		assertThat(PublicUrl.NOT_SET).contains("localhost", "feeds", "sitemaps", "robots.txt", "canonical", "API",
				"pings", "INKSTONE_PUBLIC_URL");
	}

	@Test
	void parsesOnlyHttpAddressesWithAHostAndNoQueryFragmentOrUserInfo() {
		assertThat(PublicUrl.parse(" https://news.example/ ")).contains("https://news.example");
		assertThat(PublicUrl.parse("http://news.example/inkstone")).contains("http://news.example/inkstone");
		for (String bad : new String[] { null, "", "news.example", "ftp://news.example", "https://news.example/?a=1",
				"https://news.example/#x", "https://user:pw@news.example", "https://", "https://news .example",
				"javascript:alert(1)" }) {
			assertThat(PublicUrl.parse(bad)).as(String.valueOf(bad)).isEmpty();
		}
	}

	@Test
	void anAddressAnAdminSetWinsOverTheConfiguredOne() {
		SiteSettings settings = mock(SiteSettings.class);
		when(settings.value(SiteSettings.PUBLIC_URL)).thenReturn(Optional.of("https://set.example"));
		PublicUrl url = new PublicUrl(new InkstoneProperties(null, "test", null, null, null, null, null, false, null,
				null, "https://configured.example"), new MockEnvironment(), settings);
		assertThat(url.absolute("/feed.xml")).isEqualTo("https://set.example/feed.xml");
		assertThat(url.configuredBase()).isEqualTo("https://configured.example");
		when(settings.value(SiteSettings.PUBLIC_URL)).thenReturn(Optional.empty());
		assertThat(url.base()).isEqualTo("https://configured.example");
	}

}
