package io.inkstone.accounts;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two-factor sign-in and the users console on SQLite, staff required to use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inkstone.security.require-two-factor-for-staff=true")
class TwoFactorAndUsersSqliteIntegrationTests extends TwoFactorAndUsersContract {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> ADMIN);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
	}

}
