package io.inkstone.studio;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Creator analytics on PostgreSQL (a fresh database per run on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioAnalyticsPostgresIntegrationTests extends StudioAnalyticsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		// with an admin the sign-in page shows (a site without one sends everyone to
		// /setup)
		registry.add("inkstone.admin.email", () -> "admin@analytics.test");
		registry.add("inkstone.admin.password", () -> "analytics-admin-1");
		// every test reader comes from 127.0.0.1
		registry.add("inkstone.counters.per-address-hourly", () -> "100");
	}

}
