package io.inkstone.settings;

import java.util.List;

import io.inkstone.support.Databases;

/**
 * Settings across a restart on PostgreSQL (a fresh database per run), and on a second
 * context sharing that database.
 */
class SettingsRestartPostgresIntegrationTests extends SettingsRestartContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
