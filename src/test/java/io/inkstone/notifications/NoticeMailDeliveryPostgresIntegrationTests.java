package io.inkstone.notifications;

import java.util.List;

import io.inkstone.support.Databases;

/** Notice mails after commit, durably, on PostgreSQL (a fresh database per run). */
class NoticeMailDeliveryPostgresIntegrationTests extends NoticeMailDeliveryContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
