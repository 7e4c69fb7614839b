/**
 * Creators (号): profiles, account type, verification, and follows (reader → creator).
 * Follower counts are always counted from the follows table, never stored.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "audit", "channels", "rules", "shared", "web" })
package io.inkstone.creators;
