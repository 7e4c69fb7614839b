package io.inkstone.governance;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's feedback on PostgreSQL (a fresh database per run on 127.0.0.1:5432).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleFeedbackPostgresIntegrationTests extends ConsoleFeedbackContract {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		commonProperties(registry);
	}

}
