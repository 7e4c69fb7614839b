/**
 * Accounts: sign-up, sign-in (Spring Security form login, BCrypt), roles (reader,
 * creator, reviewer, admin), the first-start setup of the admin account. Grants the
 * creator role when the creators module approves an application.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "events", "notifications", "rules", "shared", "web" })
package io.inkstone.accounts;
