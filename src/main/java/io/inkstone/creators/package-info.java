/**
 * Creators (号): profiles, account type, verification, and follows (reader → creator).
 * Follower counts are always counted from the follows table, never stored.
 */
package io.inkstone.creators;
