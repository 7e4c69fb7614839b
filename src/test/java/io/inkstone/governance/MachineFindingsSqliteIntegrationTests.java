package io.inkstone.governance;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 机审记录 on the embedded default: SQLite (WAL) in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MachineFindingsSqliteIntegrationTests extends MachineFindingsContract {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		commonProperties(registry);
	}

}
