package io.inkstone.messages;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The message centre on the embedded default: SQLite (WAL) in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessageCentreSqliteIntegrationTests extends MessageCentreContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

}
