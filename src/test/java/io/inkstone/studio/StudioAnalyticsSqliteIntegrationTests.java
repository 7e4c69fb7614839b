package io.inkstone.studio;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Creator analytics on the embedded default: SQLite (WAL) in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioAnalyticsSqliteIntegrationTests extends StudioAnalyticsContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		// with an admin the sign-in page shows (a site without one sends everyone to
		// /setup)
		registry.add("inkstone.admin.email", () -> "admin@analytics.test");
		registry.add("inkstone.admin.password", () -> "analytics-admin-1");
		// every test reader comes from 127.0.0.1
		registry.add("inkstone.counters.per-address-hourly", () -> "100");
	}

}
