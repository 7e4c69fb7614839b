package io.inkstone.settings;

import java.util.List;

/**
 * Avatars, the mail server and labels across a restart on SQLite in the data directory.
 */
class ConsoleRestartSqliteIntegrationTests extends ConsoleRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
