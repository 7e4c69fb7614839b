package io.inkstone.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * X-Forwarded-For/-Proto/-Host/-Port on Jetty, believed only from the trusted proxies
 * ({@code inkstone.web.trusted-proxies}, a CIDR list), with the semantics of Tomcat's
 * {@code RemoteIpValve} that Inkstone used before: from any other address the headers are
 * ignored, so a client cannot forge its address or scheme. (Jetty's own
 * {@code ForwardedRequestCustomizer} believes them from anyone and takes the left-most
 * address of a chain, which the client writes.)
 * <ul>
 * <li>the client is the right-most address of X-Forwarded-For (all of its lines) that is
 * not a trusted proxy; if every address is a trusted proxy, the left-most one;</li>
 * <li>X-Forwarded-Proto makes the request secure only if every value in it is
 * {@code https}; it sets the scheme and the default port of that scheme;</li>
 * <li>X-Forwarded-Host sets the server name (a port in it is dropped); X-Forwarded-Port,
 * when a number, sets the server port.</li>
 * </ul>
 */
final class JettyTrustedProxies implements HttpConfiguration.Customizer {

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final List<IpAddressMatcher> trusted;

	JettyTrustedProxies(String cidrs) {
		List<IpAddressMatcher> matchers = new ArrayList<>();
		for (String cidr : cidrs.split(",")) {
			if (!cidr.isBlank()) {
				matchers.add(new IpAddressMatcher(cidr.trim()));
			}
		}
		this.trusted = List.copyOf(matchers);
	}

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
		if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null
				|| !isTrusted(socket.getAddress().getHostAddress())) {
			return request;
		}
		HttpFields headers = request.getHeaders();
		String client = client(headers.getValuesList("X-Forwarded-For"));
		String proto = headers.get("X-Forwarded-Proto");
		String host = forwardedHost(headers.get("X-Forwarded-Host"));
		int port = forwardedPort(headers.get("X-Forwarded-Port"));
		if (client == null && proto == null && host == null && port < 0) {
			return request;
		}
		HttpURI uri = request.getHttpURI();
		Boolean secure = null;
		if (proto != null || host != null || port >= 0) {
			HttpURI.Mutable changed = HttpURI.build(uri);
			int serverPort = Request.getServerPort(request);
			if (proto != null) {
				secure = allHttps(proto);
				changed.scheme(secure ? HttpScheme.HTTPS : HttpScheme.HTTP);
				serverPort = secure ? 443 : 80;
			}
			if (port >= 0) {
				serverPort = port;
			}
			String serverName = host != null ? host : Request.getServerName(request);
			changed.authority(serverName, serverPort);
			uri = changed.asImmutable();
			// Jetty answers 400 when the URI's authority and the Host header disagree
			headers = HttpFields.build(headers, new HostPortHttpField(serverName, serverPort));
		}
		return new Forwarded(request, uri, headers, secure,
				client == null ? null : InetSocketAddress.createUnresolved(client, socket.getPort()));
	}

	boolean isTrusted(String address) {
		String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		if (!IP_LITERAL.matcher(literal).matches()) {
			return false; // "unknown", a host name, garbage: never a proxy (and never a
							// DNS lookup)
		}
		try {
			for (IpAddressMatcher matcher : trusted) {
				if (matcher.matches(literal)) {
					return true;
				}
			}
		}
		catch (IllegalArgumentException ex) { // not an address after all
			return false;
		}
		return false;
	}

	/**
	 * The right-most address that is not a trusted proxy; the left-most if all are.
	 */
	String client(List<String> forwardedFor) {
		List<String> chain = new ArrayList<>();
		for (String line : forwardedFor) {
			for (String entry : line.split(",")) {
				if (!entry.isBlank()) {
					chain.add(entry.trim());
				}
			}
		}
		String client = null;
		for (int i = chain.size() - 1; i >= 0; i--) {
			client = chain.get(i);
			if (!isTrusted(client)) {
				break;
			}
		}
		return client;
	}

	private static boolean allHttps(String proto) {
		boolean any = false;
		for (String value : proto.split(",")) {
			if (!"https".equals(value.trim().toLowerCase(Locale.ROOT))) {
				return false;
			}
			any = true;
		}
		return any;
	}

	private static String forwardedHost(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new HostPort(value.trim()).getHost();
		}
		catch (IllegalArgumentException ex) { // ignored, as Tomcat ignores an invalid
												// host
			return null;
		}
	}

	private static int forwardedPort(String value) {
		if (value == null) {
			return -1;
		}
		try {
			int port = Integer.parseInt(value.trim());
			return port > 0 && port <= 65535 ? port : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The request as the trusted proxy describes it. */
	private static final class Forwarded extends Request.Wrapper {

		private final HttpURI uri;

		private final HttpFields headers;

		private final Boolean secure;

		private final ConnectionMetaData connection;

		Forwarded(Request request, HttpURI uri, HttpFields headers, Boolean secure, InetSocketAddress client) {
			super(request);
			this.uri = uri;
			this.headers = headers;
			this.secure = secure;
			this.connection = client == null ? request.getConnectionMetaData()
					: new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
						@Override
						public SocketAddress getRemoteSocketAddress() {
							return client;
						}
					};
		}

		@Override
		public HttpURI getHttpURI() {
			return uri;
		}

		@Override
		public HttpFields getHeaders() {
			return headers;
		}

		@Override
		public boolean isSecure() {
			return secure != null ? secure : super.isSecure();
		}

		@Override
		public ConnectionMetaData getConnectionMetaData() {
			return connection;
		}

	}

}
