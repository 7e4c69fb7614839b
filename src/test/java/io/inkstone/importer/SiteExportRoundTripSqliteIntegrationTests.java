package io.inkstone.importer;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.support.Databases;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The export round trips on the embedded default: each site is SQLite in its own fresh
 * data directory.
 */
class SiteExportRoundTripSqliteIntegrationTests extends SiteExportRoundTripContract {

	@Override
	Site freshSite() {
		Path data = Databases.freshDataDir();
		return new Site(List.of("--inkstone.data-dir=" + data, "--inkstone.public-url=https://source.example"),
				new DriverManagerDataSource("jdbc:sqlite:" + data.resolve("inkstone.db")));
	}

}
