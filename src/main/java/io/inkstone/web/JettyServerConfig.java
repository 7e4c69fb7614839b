package io.inkstone.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpCookieUtils;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * What Jetty needs to keep Tomcat's promises: forwarded headers believed only from the
 * trusted proxies ({@link JettyTrustedProxies}) in place of Jetty's
 * {@code ForwardedRequestCustomizer}, which {@code server.forward-headers-strategy:
 * native} would install and which believes any client; and relative redirects. (The
 * Tomcat build, {@code -Ptomcat}, leaves this class out: RemoteIpValve and
 * {@code server.tomcat.use-relative-redirects} do the same there.) Also: header values
 * read exactly as sent, and requests still running at a graceful shutdown given the
 * shutdown phase's time, not Jetty's one second. And Inkstone's own error page, not
 * Jetty's, for the requests Jetty refuses before the application sees them
 * ({@link JettyErrorPages}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Server.class)
class JettyServerConfig {

	@Bean
	WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> trustedProxiesOnly(Environment environment) {
		JettyTrustedProxies proxies = new JettyTrustedProxies(
				environment.getProperty("inkstone.web.trusted-proxies", ""));
		Duration shutdown = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
				Duration.ofSeconds(30));
		return new TrustedProxiesOnly(proxies, shutdown);
	}

	@Bean
	WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> ownErrorPages(MessageSource messages) {
		JettyErrorPages pages = new JettyErrorPages(messages);
		return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(pages));
	}

	/**
	 * Runs after Boot's own Jetty customizer (order 0), which turns forwarded headers on
	 * from {@code native}.
	 */
	static final class TrustedProxiesOnly
			implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory>, Ordered {

		private final JettyTrustedProxies proxies;

		private final Duration shutdown;

		TrustedProxiesOnly(JettyTrustedProxies proxies, Duration shutdown) {
			this.proxies = proxies;
			this.shutdown = shutdown;
		}

		@Override
		public void customize(ConfigurableJettyWebServerFactory factory) {
			factory.setUseForwardHeaders(false);
			factory.addServerCustomizers(this::install, TrustedProxiesOnly::laxCookiesByDefault);
		}

		/**
		 * {@code SameSite=Lax} on every cookie that does not say otherwise (remember-me,
		 * the session cookie), by Jetty itself; Spring Boot's
		 * {@code CookieSameSiteSupplier} would lose the Max-Age=0 of deleting cookies
		 * (see {@code WebConfig}).
		 */
		static void laxCookiesByDefault(Server server) {
			for (ContextHandler context : server.getDescendants(ContextHandler.class)) {
				context.setAttribute(HttpCookieUtils.SAME_SITE_DEFAULT_ATTRIBUTE, "Lax");
			}
		}

		void install(Server server) {
			for (var connector : server.getConnectors()) {
				if (connector instanceof AbstractConnector stoppable) {
					// at a graceful shutdown Jetty closes connections idle for 1 s, and a
					// request still being answered (a slow search) looks idle: it was cut
					stoppable.setShutdownIdleTimeout(shutdown.toMillis());
				}
				for (var connectionFactory : connector.getConnectionFactories()) {
					if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
						HttpConfiguration config = http.getHttpConfiguration();
						// Jetty's header cache matched values ignoring case: after
						// INK_MODE=care on a kept-alive connection, ink_mode=care
						// was read as that cached header
						config.setHeaderCacheCaseSensitive(true);
						config.setRelativeRedirectAllowed(true); // never a host from the
																	// request
						List<HttpConfiguration.Customizer> customizers = new ArrayList<>(config.getCustomizers());
						customizers.removeIf(ForwardedRequestCustomizer.class::isInstance);
						if (!customizers.contains(proxies)) {
							customizers.add(0, proxies);
						}
						config.setCustomizers(customizers);
					}
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
