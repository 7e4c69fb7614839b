package io.inkstone.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs inside the security chain before authorization; see {@link AuthenticationRefresh}.
 * Public so the API module's chain applies the same refresh to session-authenticated API
 * calls.
 */
public class AuthenticationRefreshFilter extends OncePerRequestFilter {

	private final AuthenticationRefresh refresh;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	public AuthenticationRefreshFilter(AuthenticationRefresh refresh) {
		this.refresh = refresh;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
			Authentication fresh = refresh.refresh(current);
			if (fresh != current) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(fresh);
				SecurityContextHolder.setContext(context);
				if (request.getSession(false) != null) {
					repository.saveContext(context, request, response);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
