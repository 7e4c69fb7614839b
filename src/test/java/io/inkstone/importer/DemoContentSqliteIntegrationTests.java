package io.inkstone.importer;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo site on the embedded default: SQLite (WAL) in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inkstone.demo=true")
class DemoContentSqliteIntegrationTests extends DemoContentContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

}
