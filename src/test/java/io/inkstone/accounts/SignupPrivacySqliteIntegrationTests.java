package io.inkstone.accounts;

import java.util.List;

/** Sign-up privacy on the embedded default: SQLite in the data directory. */
class SignupPrivacySqliteIntegrationTests extends SignupPrivacyContract {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

}
