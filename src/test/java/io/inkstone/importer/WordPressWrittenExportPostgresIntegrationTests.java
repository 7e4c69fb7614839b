package io.inkstone.importer;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file WordPress wrote, imported on PostgreSQL (a fresh database on 127.0.0.1:5432),
 * shared by site and command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WordPressWrittenExportPostgresIntegrationTests extends WordPressWrittenExportContract {

	static final Path DATA = Databases.freshDataDir();

	static String url;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", DATA::toString);
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
	}

	@Override
	List<String> siteArguments() {
		return List.of("--inkstone.data-dir=" + DATA, "--inkstone.db.url=" + url,
				"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password=");
	}

}
