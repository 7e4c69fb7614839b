package io.inkstone.settings;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The statement-of-reasons templates on SQLite. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementTemplatesSqliteIntegrationTests extends StatementTemplatesContract {

	@DynamicPropertySource
	static void sqlite(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		properties(registry);
	}

}
