package io.inkstone.syndication;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same syndication contract on PostgreSQL (a fresh database per run on
 * 127.0.0.1:5432), with full-text feeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SyndicationPostgresIntegrationTests extends SyndicationContract {

	static final PingReceiver PINGS = new PingReceiver();

	@Override
	PingReceiver pings() {
		return PINGS;
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
		registry.add("inkstone.feeds.full-text", () -> "true");
		PINGS.configure(registry);
	}

}
