package io.inkstone.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import java.io.Serializable;

/**
 * The signed-in account of the current request, as every module sees it: id, e-mail,
 * display name and role. Set by the accounts module's sign-in; empty for anonymous
 * readers.
 */
public record SignedIn(long accountId, String email, String displayName, String role) implements Serializable {

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
