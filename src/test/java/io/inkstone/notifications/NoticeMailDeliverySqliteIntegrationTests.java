package io.inkstone.notifications;

import java.util.List;

/**
 * Notice mails after commit, durably, on the embedded default: SQLite in the data
 * directory.
 */
class NoticeMailDeliverySqliteIntegrationTests extends NoticeMailDeliveryContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
