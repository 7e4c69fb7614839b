package io.inkstone.cluster;

import java.util.List;

/** Background jobs across a restart on the embedded default, SQLite in the data directory. */
class BackgroundJobsRestartSqliteIntegrationTests extends BackgroundJobsRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
