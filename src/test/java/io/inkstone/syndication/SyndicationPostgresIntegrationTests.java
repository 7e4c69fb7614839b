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
		Databases.freshPostgresSite(registry);
		registry.add("inkstone.feeds.full-text", () -> "true");
		PINGS.configure(registry);
	}

}
