package io.inkstone.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import io.inkstone.shared.VideoEmbeds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Reader pages are public; every state-changing request carries a CSRF token. The token
 * lives in a cookie (double submit), so anonymous readers get no server session: nodes
 * stay stateless and pages stay cacheable. Accounts (the creators issue) add sign-in
 * rules per URL prefix here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

	static final int REMEMBER_SECONDS = 30 * 24 * 3600;

	/**
	 * No Micrometer observation around each security filter: it was ~12% of an article
	 * view's CPU (JFR, see bench/README.md). Request metrics still come from the HTTP
	 * server's own observation.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, WebSecurityProperties security,
			ObjectProvider<AuthenticationRefresh> refresh, ServerSecrets secrets, ObjectProvider<SignInSteps> steps)
			throws Exception {
		SignInSteps signInSteps = steps.getIfAvailable();
		String rememberMeKey = security.rememberMeKey().isBlank()
				? Base64.getEncoder().encodeToString(secrets.get("remember-me")) : security.rememberMeKey();
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
		signedIn.setDefaultTargetUrl("/");
		// where an anonymous reader was going, kept in a cookie until they have signed
		// in:
		// a session per anonymous request would be a Redis key each in cluster mode
		CookieRequestCache requestCache = new CookieRequestCache();
		requestCache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
		requestCache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		signedIn.setRequestCache(requestCache);
		refresh.ifAvailable(r -> http.addFilterBefore(new AuthenticationRefreshFilter(r), AuthorizationFilter.class));
		// load the token eagerly so templates can render it (its cookie is set before the
		// page streams), except for
		// shared pages, which carry none: reading it would set a cookie and make the page
		// per-reader
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler() {
			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
				super.handle(request, response, token);
				if (!SharedPage.is(request)) {
					token.get();
				}
			}
		};
		// Secure follows request.isSecure(), which the container sets from a trusted
		// proxy's X-Forwarded-Proto (JettyTrustedProxies; Tomcat's RemoteIpValve)
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		// the read beacon changes nothing a forged request could abuse (one read per
		// reader and day, capped per
		// address) and is the request that hands a first-time reader its token; a mail
		// client's RFC 8058 one-click
		// unsubscribe has no CSRF token: the signed token in the URL is the check
		http.csrf(csrf -> csrf.csrfTokenRepository(tokens)
			.csrfTokenRequestHandler(handler)
			.ignoringRequestMatchers("/articles/*/view", "/mail/unsubscribe"))
			.exceptionHandling(e -> e.accessDeniedHandler(new ReaderActionConfirmation()))
			.requestCache(cache -> cache.requestCache(requestCache))
			// anonymous readers get no session; signing in creates one (with a new id: no
			// fixation)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
				.sessionFixation(f -> f.changeSessionId()))
			// the Prometheus endpoint checks its own bearer token (MetricsTokenFilter)
			.authorizeHttpRequests(
					auth -> auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
						.permitAll()
						.requestMatchers("/actuator/**")
						.denyAll()
						// /studio itself explains to any signed-in account why it has no
						// studio yet (not a creator, applied, staff)
						.requestMatchers("/studio")
						.authenticated()
						// one article's analytics: its creator, admins and reviewers (the
						// controller answers 404 to anyone else)
						.requestMatchers("/studio/analytics/articles/**")
						.hasAnyRole("CREATOR", "ADMIN", "REVIEWER")
						.requestMatchers("/studio/**")
						.hasAnyRole("CREATOR", "ADMIN")
						.requestMatchers("/account", "/account/**", "/appeals/**", "/feed", "/feed/**", "/messages",
								"/messages/**", "/saved", "/history", "/history/**")
						.authenticated()
						.requestMatchers("/admin/staff", "/admin/staff/**", "/admin/users", "/admin/users/**",
								"/admin/audit", "/admin/audit.csv", "/admin/rules", "/admin/rules/**", "/admin/search",
								"/admin/search/**", "/admin/backups", "/admin/backups/**", "/admin/articles/**",
								"/admin/hot", "/admin/hot/**", "/admin/pages", "/admin/pages/**", "/admin/import",
								"/admin/import/**", "/admin/settings", "/admin/settings/**")
						.hasRole("ADMIN")
						.requestMatchers("/admin/**")
						.hasAnyRole("ADMIN", "REVIEWER")
						.requestMatchers(HttpMethod.POST, "/join", "/articles/*/comments", "/articles/*/save",
								"/articles/*/unsave", "/articles/*/comments/settings", "/comments/**")
						.authenticated()
						.anyRequest()
						.permitAll())
			.headers(h -> h.cacheControl(cache -> cache.disable()) // WebConfig and
																	// controllers decide
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: https:; "
						+ "style-src 'self'; script-src 'self'; frame-src " + VideoEmbeds.FRAME_SOURCES
						+ "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(
						r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(signInSteps == null ? signedIn : signInSteps.afterPassword(signedIn))
				.failureUrl("/login?error")
				.permitAll())
			// without a configured key, one generated once and kept in the database:
			// remember-me survives restarts
			.rememberMe(remember -> {
				remember.key(rememberMeKey).rememberMeParameter("remember").tokenValiditySeconds(REMEMBER_SECONDS);
				if (signInSteps != null) {
					remember.rememberMeServices(signInSteps.rememberMe(rememberMeKey, "remember", REMEMBER_SECONDS));
				}
			})
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/")
				.deleteCookies("JSESSIONID", "SESSION", "remember-me"))
			.httpBasic(basic -> basic.disable());
		return http.build();
	}

}
