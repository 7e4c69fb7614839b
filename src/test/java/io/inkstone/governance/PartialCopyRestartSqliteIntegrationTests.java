package io.inkstone.governance;

import java.util.List;

/**
 * The passage index across a restart on the embedded default, SQLite in the data
 * directory.
 */
class PartialCopyRestartSqliteIntegrationTests extends PartialCopyRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
