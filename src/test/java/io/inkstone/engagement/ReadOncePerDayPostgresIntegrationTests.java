package io.inkstone.engagement;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads once per reader, article and day, on PostgreSQL (a fresh database), the one every
 * cluster node shares.
 */
@SpringBootTest
@Import(ReadOncePerDayContract.StoppedClock.class)
class ReadOncePerDayPostgresIntegrationTests extends ReadOncePerDayContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
	}

}
