package io.inkstone.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import java.io.Serializable;

/**
 * The signed-in account of the current request, as every module sees it: id, e-mail,
 * display name, role and avatar (the URL of its image, or null). Set by the accounts
 * module's sign-in; empty for anonymous readers.
 */
public record SignedIn(long accountId, String email, String displayName, String role,
		String avatarUrl) implements Serializable {

	/** An account without an avatar. */
	public SignedIn(long accountId, String email, String displayName, String role) {
		this(accountId, email, displayName, role, null);
	}

	public static Optional<SignedIn> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof HasSignedIn principal) {
			return Optional.of(principal.signedIn());
		}
		return Optional.empty();
	}

	public boolean isAdmin() {
		return "ADMIN".equals(role);
	}

	public boolean canReview() {
		return "ADMIN".equals(role) || "REVIEWER".equals(role);
	}

	/** Implemented by the security principal that carries the account. */
	public interface HasSignedIn {

		SignedIn signedIn();

	}

}
