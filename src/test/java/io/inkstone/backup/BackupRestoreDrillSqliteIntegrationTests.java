package io.inkstone.backup;

import java.util.List;

/** The restore drill on SQLite (the database file in the data directory). */
class BackupRestoreDrillSqliteIntegrationTests extends BackupRestoreDrillContract {

	@Override
	List<String> freshDatabase() {
		return List.of();
	}

	@Override
	boolean sqlite() {
		return true;
	}

}
