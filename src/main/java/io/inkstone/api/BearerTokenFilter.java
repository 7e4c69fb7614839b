package io.inkstone.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.accounts.Accounts;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.RateLimiter;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} (scheme in any case) on an API call: an active
 * token of an existing account authenticates the request, for this request only (no
 * session); anything else presented as credentials answers 401 at once rather than
 * quietly continuing as anonymous. Each token has its own rate limit.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final Pattern BEARER = Pattern.compile("^\\s*bearer\\s+(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);

	/**
	 * Requests per token per minute, every operation counted: generous for scripts and
	 * integrations, a stop for a runaway loop. The minute's allowance comes back at once
	 * when the minute is over (a gradual refill let a steady client run unlimited).
	 */
	static final int REQUESTS_PER_MINUTE = 300;

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final RateLimiter limits;

	private final ApiProblemWriter problems;

	BearerTokenFilter(ApiTokens tokens, Accounts accounts, RateLimiter limits, ApiProblemWriter problems) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.limits = limits;
		this.problems = problems;
	}

	/**
	 * Whether the request presents a bearer token (such requests are exempt from CSRF:
	 * browsers never add one).
	 */
	static boolean presentsBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && BEARER.matcher(header).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Matcher bearer = BEARER.matcher(header);
		if (!bearer.matches()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Use Authorization: Bearer <token>");
			return;
		}
		Optional<ApiToken> token = tokens.authenticate(bearer.group(1));
		Optional<SignedIn> account = token.flatMap(t -> accounts.signedInOf(t.accountId()));
		if (account.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "The token is unknown, revoked or expired");
			return;
		}
		long wait = limits.tryAcquirePerPeriod("api-token:" + token.get().id(), REQUESTS_PER_MINUTE,
				Duration.ofMinutes(1));
		if (wait > 0) {
			response.setHeader("Retry-After", Long.toString(wait));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests with this token; retry after " + wait + " s");
			return;
		}
		TokenPrincipal principal = new TokenPrincipal(account.get(), token.get());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
