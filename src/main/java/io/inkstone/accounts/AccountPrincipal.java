package io.inkstone.accounts;

import java.util.Collection;
import java.util.List;

import io.inkstone.shared.SignedIn;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import java.io.Serializable;

/**
 * The Spring Security principal: the account's e-mail as user name, its role as ROLE_x.
 */
record AccountPrincipal(SignedIn signedIn,
		String passwordHash) implements UserDetails, SignedIn.HasSignedIn, Serializable {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + signedIn.role()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return signedIn.email();
	}

}
