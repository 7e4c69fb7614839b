package io.inkstone.pages;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same static-pages contract on PostgreSQL (a fresh database on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticPagesPostgresIntegrationTests extends StaticPagesContract {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
		registry.add("inkstone.admin.email", () -> ADMIN_EMAIL);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
	}

}
