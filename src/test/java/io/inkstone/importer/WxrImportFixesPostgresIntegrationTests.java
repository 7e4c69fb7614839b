package io.inkstone.importer;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import fixes on PostgreSQL (a fresh database on 127.0.0.1:5432), shared by site and
 * command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WxrImportFixesPostgresIntegrationTests extends WxrImportFixesContract {

	static final Path DATA = Databases.freshDataDir();

	static String url;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", DATA::toString);
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
		WxrImportContract.adminProperties(registry);
	}

	@Override
	List<String> siteArguments() {
		return List.of("--inkstone.data-dir=" + DATA, "--inkstone.db.url=" + url,
				"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password=");
	}

}
