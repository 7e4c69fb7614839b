package io.inkstone.api;

import java.util.ArrayList;
import java.util.List;

import io.inkstone.shared.SignedIn;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who calls with a personal access token: the token's account as it is now, and what the
 * token may do.
 */
record TokenPrincipal(SignedIn signedIn, ApiToken token) implements SignedIn.HasSignedIn {

	List<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + signedIn.role()));
		token.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
		return authorities;
	}

}
