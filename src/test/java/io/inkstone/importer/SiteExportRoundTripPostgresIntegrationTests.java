package io.inkstone.importer;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.support.Databases;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The export round trips on PostgreSQL: each site is a fresh database on 127.0.0.1:5432
 * and its own data directory.
 */
class SiteExportRoundTripPostgresIntegrationTests extends SiteExportRoundTripContract {

	@Override
	Site freshSite() {
		Path data = Databases.freshDataDir();
		String url = Databases.freshPostgresDatabase();
		return new Site(
				List.of("--inkstone.data-dir=" + data, "--inkstone.db.url=" + url,
						"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password=",
						"--inkstone.public-url=https://source.example"),
				new DriverManagerDataSource(url, Databases.pgUser(), ""));
	}

}
