package io.inkstone.accounts;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.SignedIn;
import io.inkstone.web.AuthenticationRefresh;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Re-reads the signed-in account's role (cached for a few seconds per account, so a busy
 * session costs one small query every few seconds) and hands the security chain an
 * updated authentication when it changed.
 */
@Component
class AccountAuthenticationRefresh implements AuthenticationRefresh {

	private final AccountRepository repository;

	private final Cache<Long, Optional<Account>> accounts = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(3))
		.maximumSize(50_000)
		.build();

	AccountAuthenticationRefresh(AccountRepository repository) {
		this.repository = repository;
	}

	@Override
	public Authentication refresh(Authentication current) {
		if (!(current.getPrincipal() instanceof AccountPrincipal principal)) {
			return current;
		}
		SignedIn signedIn = principal.signedIn();
		// a suspended account is signed out as if it were gone
		Optional<Account> now = accounts.get(signedIn.accountId(), repository::findActiveById);
		if (now.isEmpty()) {
			return null;
		}
		Account account = now.get();
		if (account.signedIn().equals(signedIn)) {
			return current;
		}
		AccountPrincipal updated = new AccountPrincipal(account.signedIn(), principal.passwordHash());
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(updated, null,
				updated.getAuthorities());
		token.setDetails(current.getDetails());
		return token;
	}

	/**
	 * The account's name or password changed on this node: read it again on its next
	 * request.
	 */
	void forget(long accountId) {
		accounts.invalidate(accountId);
	}

	/**
	 * This node changed the account: forget it at once (other nodes' copies expire within
	 * seconds).
	 */
	@EventListener
	void on(AccountRoleChanged changed) {
		accounts.invalidate(changed.accountId());
	}

}
