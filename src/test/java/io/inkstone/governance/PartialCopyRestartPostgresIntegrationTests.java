package io.inkstone.governance;

import java.util.List;

import io.inkstone.support.Databases;

/** The passage index across a restart on PostgreSQL (a fresh database per run). */
class PartialCopyRestartPostgresIntegrationTests extends PartialCopyRestartContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
