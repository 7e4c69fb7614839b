package io.inkstone.cluster;

import java.util.List;

import io.inkstone.support.Databases;

/** Background jobs across a restart on PostgreSQL (a fresh database per run). */
class BackgroundJobsRestartPostgresIntegrationTests extends BackgroundJobsRestartContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
