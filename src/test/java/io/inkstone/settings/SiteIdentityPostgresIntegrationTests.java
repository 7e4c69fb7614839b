package io.inkstone.settings;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Mail, public address and logo settings on PostgreSQL (a fresh database per run). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteIdentityPostgresIntegrationTests extends SiteIdentityContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
		properties(registry);
	}

}
