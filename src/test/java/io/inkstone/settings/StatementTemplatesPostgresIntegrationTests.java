package io.inkstone.settings;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement-of-reasons templates on PostgreSQL (a fresh database per run on
 * 127.0.0.1:5432).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementTemplatesPostgresIntegrationTests extends StatementTemplatesContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		properties(registry);
	}

}
