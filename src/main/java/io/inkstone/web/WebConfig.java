package io.inkstone.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;

/**
 * Language (zh-CN default, {@code ?lang=en} switches and is remembered) and default HTTP
 * caching.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	/**
	 * Writes the language cookie as Spring does, but reads it by exact name and value
	 * ({@link SharedPage#variant}), as the page caches key on it: an unknown or malformed
	 * cookie (sent by a client, not by us) means the default language, never a 500, and
	 * the page is not shared.
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver writer = new CookieLocaleResolver(SharedPage.LANGUAGE_COOKIE);
		writer.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		writer.setRejectInvalidCookies(false);
		writer.setCookieMaxAge(Duration.ofDays(365));
		return new LocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				// set earlier in this request (?lang=)
				if (request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME) instanceof Locale set) {
					return set;
				}
				String value = SharedPage.variant(request, SharedPage.LANGUAGE_COOKIE, SharedPage.LANGUAGES);
				return value == null || value.isEmpty() ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(value);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				writer.setLocale(request, response, locale);
			}

		};
	}

	/**
	 * {@code SameSite=Lax} on every cookie set through the Servlet API (remember-me, the
	 * session cookie); the cookies built by hand (reader id, mode, CSRF, language) set it
	 * themselves. Tomcat only: on Jetty, Spring Boot's supplier re-serialises every
	 * Set-Cookie and turns a deleting cookie (Max-Age=0) into a session cookie with an
	 * empty value, so a sign-out would leave them behind; Jetty's own default does the
	 * same there ({@code JettyServerConfig}).
	 */
	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	CookieSameSiteSupplier laxCookies() {
		return CookieSameSiteSupplier.ofLax();
	}

	/**
	 * Pages are personal (CSRF token, follow state, mode), so they may be stored only by
	 * the reader's browser and must be revalidated; controllers that know better (ETags)
	 * set their own header.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader("Cache-Control", "no-cache, private");
				return true;
			}
		});
	}

}
