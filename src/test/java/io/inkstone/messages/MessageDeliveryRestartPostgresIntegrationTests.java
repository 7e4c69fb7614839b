package io.inkstone.messages;

import java.util.List;

import io.inkstone.support.Databases;

/** Messages survive a stop before delivery, on PostgreSQL (a fresh database per run). */
class MessageDeliveryRestartPostgresIntegrationTests extends MessageDeliveryRestartContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
