package io.inkstone.accounts;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Avatar upload on PostgreSQL (a fresh database per run on 127.0.0.1:5432). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AvatarUploadPostgresIntegrationTests extends AvatarUploadContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = Databases.freshPostgresDatabase();
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		// with an admin the sign-in page shows (a site without one sends everyone to
		// /setup)
		registry.add("inkstone.admin.email", () -> "admin@avatar.test");
		registry.add("inkstone.admin.password", () -> "avatar-admin-1");
		registry.add("inkstone.db.url", () -> url);
		registry.add("inkstone.db.user", Databases::pgUser);
		registry.add("inkstone.db.password", () -> "");
	}

}
