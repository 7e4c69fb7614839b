package io.inkstone.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.web.ClientAddresses;
import io.inkstone.web.RateLimiter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling, before Spring Security sees the attempt: per address (30 per 10 minutes) and per
 * account e-mail (10 per 10 minutes). Over the limit the answer is 429 with Retry-After and a page
 * saying when to try again. The per-account limit also stops a distributed guess at one password; its
 * cost, a short lock-out of the real owner under attack, is bounded by the window.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 10;

	static final Duration WINDOW = Duration.ofMinutes(10);

	/** Runs before the security filter chain (order -100) so a throttled attempt never reaches a password check. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(RateLimiter limits) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
					String email = String.valueOf(request.getParameter("email")).strip().toLowerCase(Locale.ROOT);
					long wait = Math.max(limits.tryAcquire("login-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()), PER_ADDRESS, WINDOW),
							limits.tryAcquire("login-account:" + email, PER_ACCOUNT, WINDOW));
					if (wait > 0) {
						response.setHeader("Retry-After", Long.toString(wait));
						request.setAttribute("inkstone.retryAfter", wait);
						response.sendError(429);
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/login");
		registration.setOrder(-200);
		registration.setName("loginThrottle");
		return registration;
	}

}
