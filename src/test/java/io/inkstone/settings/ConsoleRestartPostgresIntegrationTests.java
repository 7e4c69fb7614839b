package io.inkstone.settings;

import java.util.List;

import io.inkstone.support.Databases;

/**
 * Avatars, the mail server and labels across a restart on PostgreSQL (a fresh database).
 */
class ConsoleRestartPostgresIntegrationTests extends ConsoleRestartContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
