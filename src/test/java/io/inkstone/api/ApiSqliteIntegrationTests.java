package io.inkstone.api;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract on the embedded default: SQLite in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSqliteIntegrationTests extends ApiContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.webhooks.allow-private-targets", () -> "true"); // the fake
																				// receiver
																				// is on
																				// loopback
		registry.add("inkstone.webhooks.first-retry", () -> "1s");
	}

}
