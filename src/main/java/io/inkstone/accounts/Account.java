package io.inkstone.accounts;

/** An account as stored (the hash never leaves this module). */
record Account(long id, String email, String passwordHash, String displayName, String role) {
}
