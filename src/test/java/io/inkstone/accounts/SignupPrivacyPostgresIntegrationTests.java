package io.inkstone.accounts;

import java.util.List;

import io.inkstone.support.Databases;

/** Sign-up privacy on PostgreSQL (a fresh database per run). */
class SignupPrivacyPostgresIntegrationTests extends SignupPrivacyContract {

	private final String url = Databases.freshPostgresDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--inkstone.db.url=" + url, "--inkstone.db.user=" + Databases.pgUser(),
				"--inkstone.db.password=");
	}

}
