package io.inkstone.syndication;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sitemaps of an empty site on PostgreSQL (a fresh database on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmptySiteSitemapsPostgresIntegrationTests extends EmptySiteSitemapsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
	}

}
