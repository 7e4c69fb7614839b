package io.inkstone.accounts;

import java.net.http.HttpResponse;
import java.util.Map;

import io.inkstone.support.Browser;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers from a client that is not a configured proxy are ignored: here the
 * trusted proxies exclude loopback, so the test client stands for a stranger on the
 * internet who forges X-Forwarded-For and X-Forwarded-Proto to dodge the sign-in limit or
 * pass for a TLS connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UntrustedProxyIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.web.trusted-proxies", () -> "10.0.0.0/8, 192.168.0.0/16");
	}

	@LocalServerPort
	int port;

	@Test
	void aForgedForwardedForDoesNotDodgeTheSignInLimit() {
		int last = 0;
		for (int i = 0; i <= LoginThrottle.PER_ADDRESS; i++) {
			Browser forger = new Browser(port).header("X-Forwarded-For", "203.0.113." + (i + 1));
			forger.page("/login");
			HttpResponse<String> attempt = forger.post("/login", Map.of("_csrf", forger.csrfToken(), "email",
					"forger-" + i + "-" + System.nanoTime() + "@inkstone.test", "password", "wrong-password"));
			last = attempt.statusCode();
			if (i < LoginThrottle.PER_ADDRESS) {
				assertThat(last).as("attempt %d", i + 1).isEqualTo(302);
			}
		}
		assertThat(last).as("the 31st attempt from the same real address is throttled").isEqualTo(429);
	}

	@Test
	void aForgedForwardedProtoDoesNotMakeCookiesSecure() {
		HttpResponse<String> home = new Browser(port).header("X-Forwarded-Proto", "https").get("/login");
		assertThat(CreatorJourneyContract.setCookie(home, "XSRF-TOKEN")).doesNotContain("Secure")
			.containsIgnoringCase("SameSite=Lax");
	}

}
