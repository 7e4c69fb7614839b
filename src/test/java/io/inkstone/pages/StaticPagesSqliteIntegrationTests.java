package io.inkstone.pages;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Static pages on the embedded default: SQLite in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticPagesSqliteIntegrationTests extends StaticPagesContract {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> ADMIN_EMAIL);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
	}

}
