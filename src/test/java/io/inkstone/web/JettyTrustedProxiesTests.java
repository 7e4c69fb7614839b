package io.inkstone.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers on Jetty as Tomcat's RemoteIpValve treats them: believed only from a
 * trusted proxy, and the client is the right-most address of the chain that is not a
 * trusted proxy (the left-most is whatever the client wrote).
 */
class JettyTrustedProxiesTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final JettyTrustedProxies proxies = new JettyTrustedProxies("127.0.0.0/8, ::1/128, 10.0.0.0/8, fc00::/7");

	@Test
	void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
		assertThat(proxies.client(List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(proxies.client(List.of("203.0.113.7, 10.0.0.2"))).isEqualTo("203.0.113.7");
		// a forged left-most entry does not win: the proxy appended the real peer
		assertThat(proxies.client(List.of("1.2.3.4, 198.51.100.9, 10.0.0.3"))).isEqualTo("198.51.100.9");
		// all lines of the header count, in order
		assertThat(proxies.client(List.of("1.2.3.4", "198.51.100.9,10.0.0.3"))).isEqualTo("198.51.100.9");
		assertThat(proxies.client(List.of("2001:db8::1, fd00::5"))).isEqualTo("2001:db8::1");
		// only trusted proxies: the left-most of them
		assertThat(proxies.client(List.of("10.0.0.1, 10.0.0.2"))).isEqualTo("10.0.0.1");
		// something that is no address is never a proxy
		assertThat(proxies.client(List.of("unknown, 10.0.0.2"))).isEqualTo("unknown");
		assertThat(proxies.client(List.of())).isNull();
	}

	@Test
	void onlyAddressesInTheListAreTrustedAndNoNameIsLookedUp() {
		assertThat(proxies.isTrusted("127.0.0.1")).isTrue();
		assertThat(proxies.isTrusted("10.200.3.4")).isTrue();
		assertThat(proxies.isTrusted("::1")).isTrue();
		assertThat(proxies.isTrusted("[::1]")).isTrue();
		assertThat(proxies.isTrusted("fd12::1")).isTrue();
		assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
		assertThat(proxies.isTrusted("2001:db8::1")).isFalse();
		assertThat(proxies.isTrusted("localhost")).isFalse();
		assertThat(proxies.isTrusted("10.0.0.1.example")).isFalse();
		assertThat(proxies.isTrusted("")).isFalse();
	}

	@Test
	void forwardedHeadersFromATrustedProxySetTheClientSchemeHostAndPort() throws Exception {
		try (Running server = new Running(proxies)) {
			assertThat(server.get("X-Forwarded-For", "1.2.3.4, 198.51.100.9, 10.0.0.3", "X-Forwarded-Proto", "https",
					"X-Forwarded-Host", "inkstone.example:8443"))
				.isEqualTo("198.51.100.9 secure https inkstone.example 443");
			assertThat(server.get("X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443"))
				.isEqualTo("127.0.0.1 secure https 127.0.0.1 8443");
			// https only if every hop says so
			assertThat(server.get("X-Forwarded-Proto", "https, http")).isEqualTo("127.0.0.1 plain http 127.0.0.1 80");
			assertThat(server.get()).isEqualTo("127.0.0.1 plain http 127.0.0.1 " + server.port());
		}
	}

	@Test
	void forwardedHeadersFromAnyoneElseAreIgnored() throws Exception {
		try (Running server = new Running(new JettyTrustedProxies("10.0.0.0/8, 192.168.0.0/16"))) {
			assertThat(server.get("X-Forwarded-For", "203.0.113.1", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
					"evil.example", "X-Forwarded-Port", "443"))
				.isEqualTo("127.0.0.1 plain http 127.0.0.1 " + server.port());
		}
	}

	@Test
	void jettysOwnForwardedCustomizerIsReplacedHeadersReadExactlyAndShutdownWaits() throws Exception {
		Server server = new Server();
		HttpConfiguration config = new HttpConfiguration();
		config.setRelativeRedirectAllowed(false);
		config.addCustomizer(new ForwardedRequestCustomizer());
		ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
		server.addConnector(connector);
		new JettyServerConfig.TrustedProxiesOnly(proxies, Duration.ofSeconds(30)).install(server);
		assertThat(config.getCustomizers()).containsExactly(proxies);
		assertThat(config.isRelativeRedirectAllowed()).isTrue();
		assertThat(config.isHeaderCacheCaseSensitive()).isTrue();
		assertThat(connector.getShutdownIdleTimeout()).isEqualTo(30_000);
	}

	/** A bare Jetty answering with what the request says about its client. */
	private static final class Running implements AutoCloseable {

		private final Server server = new Server();

		private final ServerConnector connector;

		Running(JettyTrustedProxies proxies) throws Exception {
			HttpConfiguration config = new HttpConfiguration();
			config.addCustomizer(proxies);
			this.connector = new ServerConnector(server, new HttpConnectionFactory(config));
			connector.setHost("127.0.0.1");
			connector.setPort(0);
			server.addConnector(connector);
			server.setHandler(new Handler.Abstract() {
				@Override
				public boolean handle(Request request, Response response, Callback callback) {
					String described = String.join(" ", Request.getRemoteAddr(request),
							request.isSecure() ? "secure" : "plain", request.getHttpURI().getScheme(),
							Request.getServerName(request), Integer.toString(Request.getServerPort(request)));
					Content.Sink.write(response, true, described, callback);
					return true;
				}
			});
			server.start();
		}

		int port() {
			return connector.getLocalPort();
		}

		String get(String... headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/"));
			if (headers.length > 0) {
				request.headers(headers);
			}
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
		}

		@Override
		public void close() throws Exception {
			server.stop();
		}

	}

}
