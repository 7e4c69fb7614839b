package io.inkstone.accounts;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two-factor sign-in and the users console on PostgreSQL (a fresh database per run on
 * 127.0.0.1:5432), staff required to use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inkstone.security.require-two-factor-for-staff=true")
class TwoFactorAndUsersPostgresIntegrationTests extends TwoFactorAndUsersContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> ADMIN);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
	}

}
