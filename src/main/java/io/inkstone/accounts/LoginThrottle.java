package io.inkstone.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.inkstone.web.ClientAddresses;
import io.inkstone.web.RateLimiter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling, before Spring Security sees the attempt: per address (30 per 10
 * minutes; an IPv6 client per /64) and per account e-mail (10 per 10 minutes). Over the
 * limit the answer is 429 with Retry-After and a page saying when to try again. The
 * per-account limit stops a distributed guess at one password; so that it cannot lock the
 * owner out, a browser that signed in to the account before (it holds a valid
 * {@link DeviceCookies device cookie}) is not counted against or stopped by it — its
 * attempts are limited per device instead.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 10;

	static final int PER_DEVICE = 10;

	static final Duration WINDOW = Duration.ofMinutes(10);

	/**
	 * Runs before the security filter chain (order -100) so a throttled attempt never
	 * reaches a password check.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(RateLimiter limits, DeviceCookies devices) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
					String email = String.valueOf(request.getParameter("email")).strip().toLowerCase(Locale.ROOT);
					String device = devices.deviceOf(request, email);
					long perAddress = limits.tryAcquire("login-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()),
							PER_ADDRESS, WINDOW);
					long perAccount = device != null ? limits.tryAcquire("login-device:" + device, PER_DEVICE, WINDOW)
							: limits.tryAcquire("login-account:" + email, PER_ACCOUNT, WINDOW);
					long wait = Math.max(perAddress, perAccount);
					if (wait > 0) {
						response.setHeader("Retry-After", Long.toString(wait));
						request.setAttribute("inkstone.retryAfter", wait);
						if (perAccount > 0 && device == null) {
							request.setAttribute("inkstone.retryHint", "login.locked.hint");
						}
						response.sendError(429);
						return;
					}
					chain.doFilter(request, new DeviceCookieOnSuccess(response, request, devices, email));
					return;
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

	/**
	 * Adds a fresh device cookie when the sign-in succeeded: the success handler
	 * redirects while the new authentication is in the security context (a failure
	 * redirects without one).
	 */
	private static final class DeviceCookieOnSuccess extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final DeviceCookies devices;

		private final String email;

		DeviceCookieOnSuccess(HttpServletResponse response, HttpServletRequest request, DeviceCookies devices,
				String email) {
			super(response);
			this.request = request;
			this.devices = devices;
			this.email = email;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
				addHeader("Set-Cookie", devices.issue(email, request.isSecure()).toString());
			}
			super.sendRedirect(location);
		}

	}

}
