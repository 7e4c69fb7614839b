package io.inkstone.accounts;

import io.inkstone.shared.SignedIn;

/** An account as stored (the hash never leaves this module). */
record Account(long id, String email, String passwordHash, String displayName, String role, String avatarUrl) {

	SignedIn signedIn() {
		return new SignedIn(id, email, displayName, role, avatarUrl);
	}

}
