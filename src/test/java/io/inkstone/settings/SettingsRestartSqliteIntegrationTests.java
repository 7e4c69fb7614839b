package io.inkstone.settings;

import java.util.List;

/** Settings across a restart on the embedded default, SQLite in the data directory. */
class SettingsRestartSqliteIntegrationTests extends SettingsRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
