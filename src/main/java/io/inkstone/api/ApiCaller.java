package io.inkstone.api;

import java.util.Optional;

import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.SignedIn;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling the API (a token or a browser session) and what they may do: the checks
 * every write makes.
 */
@Component
class ApiCaller {

	private final Creators creators;

	ApiCaller(Creators creators) {
		this.creators = creators;
	}

	Optional<SignedIn> account() {
		return SignedIn.current();
	}

	/**
	 * The calling creator, allowed to write: a write-scoped token (or a session) of a
	 * creator or admin with a profile.
	 */
	Creator writer() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof TokenPrincipal token && !token.token().canWrite()) {
			throw new ForbiddenException("problem.api.readOnlyToken");
		}
		return reader();
	}

	/** The calling creator, for reading their own articles (any scope). */
	Creator reader() {
		SignedIn account = account().orElseThrow(() -> new ForbiddenException("problem.api.authenticationRequired"));
		if (!"CREATOR".equals(account.role()) && !account.isAdmin()) {
			throw new ForbiddenException("problem.api.creatorsOnly");
		}
		return creators.ofAccount(account.accountId())
			.orElseThrow(() -> new ForbiddenException("problem.api.noCreatorProfile"));
	}

	/**
	 * The calling creator when there is one (to show an owner their own drafts), else
	 * empty.
	 */
	Optional<Creator> creatorIfAny() {
		return account().flatMap(a -> creators.ofAccount(a.accountId()));
	}

}
