package io.inkstone.accounts;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Avatar upload on the embedded default: SQLite (WAL) in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AvatarUploadSqliteIntegrationTests extends AvatarUploadContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		// with an admin the sign-in page shows (a site without one sends everyone to
		// /setup)
		registry.add("inkstone.admin.email", () -> "admin@avatar.test");
		registry.add("inkstone.admin.password", () -> "avatar-admin-1");
	}

}
