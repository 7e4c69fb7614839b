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
 * One address signing accounts up (farming them, or probing which e-mails exist) is
 * stopped after a few an hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignupLimitIntegrationTests {

	private static final int PER_HOUR = 10;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.security.signups-per-address-hour", () -> PER_HOUR);
		registry.add("inkstone.admin.email", () -> "admin@inkstone.test");
		registry.add("inkstone.admin.password", () -> "admin-password-1");
	}

	@LocalServerPort
	int port;

	private HttpResponse<String> signUp(Browser b, int i) {
		b.page("/signup");
		return b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", "farm" + i + "-" + System.nanoTime() + "@inkstone.test",
						"password", "correct-horse-1", "displayName", "农场" + i));
	}

	@Test
	void signUpsFromOneAddressAreLimitedOthersAreNot() {
		String farm = "203.0.113.77";
		for (int i = 0; i < PER_HOUR; i++) {
			assertThat(signUp(new Browser(port).header("X-Forwarded-For", farm), i).statusCode()).isEqualTo(302);
		}
		HttpResponse<String> refused = signUp(new Browser(port).header("X-Forwarded-For", farm), PER_HOUR);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).doesNotContain("Exception");
		// a person at another address signs up as usual (behind the trusted proxy, each
		// client is itself)
		assertThat(signUp(new Browser(port).header("X-Forwarded-For", "198.51.100.9"), 99).statusCode()).isEqualTo(302);
	}

	@Test
	void signUpsFromOneIpv6SlashSixtyFourShareOneLimit() {
		// a subscriber holds a whole /64: a new address from it for every sign-up must
		// not buy a new allowance
		for (int i = 0; i < PER_HOUR; i++) {
			assertThat(
					signUp(new Browser(port).header("X-Forwarded-For", "2001:db8:77:1::" + Integer.toHexString(i + 1)),
							i)
						.statusCode())
				.isEqualTo(302);
		}
		HttpResponse<String> refused = signUp(new Browser(port).header("X-Forwarded-For", "2001:db8:77:1:ffff::abcd"),
				PER_HOUR);
		assertThat(refused.statusCode()).isEqualTo(429);
		// the neighbouring /64 is another subscriber
		assertThat(signUp(new Browser(port).header("X-Forwarded-For", "2001:db8:77:2::1"), 98).statusCode())
			.isEqualTo(302);
	}

}
