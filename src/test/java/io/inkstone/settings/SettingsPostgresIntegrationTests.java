package io.inkstone.settings;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The settings page on PostgreSQL (a fresh database per run on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettingsPostgresIntegrationTests extends SettingsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		// with an admin the sign-in page shows (a site without one sends everyone to
		// /setup)
		registry.add("inkstone.admin.email", () -> "admin@settings.test");
		registry.add("inkstone.admin.password", () -> "settings-admin-1");
	}

}
