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
		Databases.freshPostgresSite(registry);
		properties(registry);
	}

}
