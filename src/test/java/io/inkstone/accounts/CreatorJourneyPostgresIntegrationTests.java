package io.inkstone.accounts;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreatorJourneyPostgresIntegrationTests extends CreatorJourneyContract {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
		registry.add("inkstone.admin.email", () -> ADMIN_EMAIL);
		registry.add("inkstone.compliance.profile", () -> "eu-dsa"); // flagged articles
																		// wait for a
																		// reviewer
		registry.add("inkstone.review.bad-domains", () -> "scam.example");
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
		registry.add("inkstone.public-url", () -> PUBLIC_URL + "/"); // a trailing slash
																		// is tolerated
		mailProperties(registry);
	}

}
