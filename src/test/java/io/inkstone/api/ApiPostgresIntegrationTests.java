package io.inkstone.api;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same API contract on PostgreSQL (a fresh database per run on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiPostgresIntegrationTests extends ApiContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		registry.add("inkstone.webhooks.allow-private-targets", () -> "true"); // the fake
																				// receiver
																				// is on
																				// loopback
		registry.add("inkstone.webhooks.first-retry", () -> "1s");
	}

}
