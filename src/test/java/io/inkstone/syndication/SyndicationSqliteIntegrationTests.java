package io.inkstone.syndication;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Feeds, tags, sitemaps and link previews on the embedded default: SQLite in a fresh data
 * directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SyndicationSqliteIntegrationTests extends SyndicationContract {

	static final PingReceiver PINGS = new PingReceiver();

	@Override
	PingReceiver pings() {
		return PINGS;
	}

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		PINGS.configure(registry);
	}

}
