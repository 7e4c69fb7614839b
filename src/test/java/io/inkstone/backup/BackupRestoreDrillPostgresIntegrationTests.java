package io.inkstone.backup;

import java.util.List;

import io.inkstone.support.Databases;

/**
 * The restore drill on PostgreSQL: pg_dump of one exported snapshot, pg_restore into a
 * new empty database.
 */
class BackupRestoreDrillPostgresIntegrationTests extends BackupRestoreDrillContract {

	@Override
	List<String> freshDatabase() {
		return List.of("--inkstone.db.url=" + Databases.freshPostgresDatabase(),
				"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password=");
	}

	@Override
	boolean sqlite() {
		return false;
	}

}
