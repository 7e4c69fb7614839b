package io.inkstone.importer;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file WordPress wrote, imported on the embedded default: SQLite in a fresh data
 * directory, shared by site and command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WordPressWrittenExportSqliteIntegrationTests extends WordPressWrittenExportContract {

	static final Path DATA = Databases.freshDataDir();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", DATA::toString);
	}

	@Override
	List<String> siteArguments() {
		return List.of("--inkstone.data-dir=" + DATA);
	}

}
