package io.inkstone.api;

import io.inkstone.accounts.Accounts;
import io.inkstone.web.AuthenticationRefresh;
import io.inkstone.web.AuthenticationRefreshFilter;
import io.inkstone.web.RateLimiter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The security chain of {@code /api/**}, ahead of the site's chain (which then never sees
 * these paths).
 * <ul>
 * <li>A bearer token authenticates one request ({@link BearerTokenFilter}); a wrong,
 * revoked or expired one is 401.
 * <li>A signed-in browser session also works, and then a write needs the CSRF token
 * exactly as a form does (cookie {@code XSRF-TOKEN} echoed in the {@code X-XSRF-TOKEN}
 * header): token calls are exempt, since browsers never attach an {@code Authorization}
 * header on their own.
 * <li>Reads are public; writes and {@code /api/v1/me/**} need a caller; failures are
 * {@code application/problem+json}.
 * <li>Headers: a CSP with nothing to load for JSON, and the one Swagger UI needs for the
 * docs pages only.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfig {

	/**
	 * What the docs page (Swagger UI from the jar) needs: its own scripts and styles,
	 * which set inline styles.
	 */
	static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	static final String JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts, RateLimiter limits,
			ApiProblemWriter problems, ObjectProvider<AuthenticationRefresh> refresh) throws Exception {
		// JSON answers get a CSP that loads nothing; the rest of this chain is the docs
		// page and its assets
		RequestMatcher json = request -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/v1/") || path.startsWith("/api/openapi");
		};
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		RequestMatcher unsafe = request -> !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| "OPTIONS".equals(request.getMethod()) || "TRACE".equals(request.getMethod()));
		refresh.ifAvailable(r -> http.addFilterBefore(new AuthenticationRefreshFilter(r), AuthorizationFilter.class));
		http.securityMatcher("/api/**", "/swagger-ui/**")
			.addFilterAfter(new BearerTokenFilter(tokens, accounts, limits, problems),
					SecurityContextHolderFilter.class)
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				// CSRF rides on an ambient credential: only a request that comes with a
				// session cookie can be forged
				// (this chain has no remember-me); a request without one is anonymous and
				// gets 401 from authorization
				.requireCsrfProtectionMatcher(request -> unsafe.matches(request)
						&& !BearerTokenFilter.presentsBearer(request) && request.getRequestedSessionId() != null))
			// API calls never start a session; a browser's existing one is used
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/me", "/api/v1/me/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/**", "/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "Authentication required: Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						ex instanceof CsrfException
								? "CSRF token missing or invalid (send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN)"
								: "Forbidden")))
			.headers(h -> h.cacheControl(cache -> cache.disable()) // controllers decide
																	// (ETags on public
																	// reads)
				.addHeaderWriter((request, response) -> {
					if (!response.containsHeader("Content-Security-Policy")) {
						response.setHeader("Content-Security-Policy", json.matches(request) ? JSON_CSP : DOCS_CSP);
					}
				})
				.referrerPolicy(
						r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}

}
