package io.inkstone.messages;

import java.util.List;

/**
 * Messages survive a stop before delivery, on the embedded default: SQLite in the data
 * directory.
 */
class MessageDeliveryRestartSqliteIntegrationTests extends MessageDeliveryRestartContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
