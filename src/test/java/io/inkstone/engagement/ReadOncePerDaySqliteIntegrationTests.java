package io.inkstone.engagement;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reads once per reader, article and day, on SQLite. */
@SpringBootTest
@Import(ReadOncePerDayContract.StoppedClock.class)
class ReadOncePerDaySqliteIntegrationTests extends ReadOncePerDayContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

}
