package io.inkstone.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.SignedIn;
import io.inkstone.web.WebSecurityProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code inkstone.security.require-two-factor-for-staff}, an admin or reviewer
 * without two-factor sign-in is sent to set it up before any staff page opens. Runs after
 * the security chain, like {@link SessionTracker}, so it sees who is signed in.
 */
@Component
class StaffTwoFactorGate extends OncePerRequestFilter {

	private final WebSecurityProperties security;

	private final TwoFactor twoFactor;

	StaffTwoFactorGate(WebSecurityProperties security, TwoFactor twoFactor) {
		this.security = security;
		this.twoFactor = twoFactor;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !security.requireTwoFactorForStaff() || !(path.equals("/admin") || path.startsWith("/admin/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignedIn me = SignedIn.current().orElse(null);
		if (me != null && me.canReview() && !twoFactor.enabled(me.accountId())) {
			response.sendRedirect("/account/two-factor?required");
			return;
		}
		chain.doFilter(request, response);
	}

}
