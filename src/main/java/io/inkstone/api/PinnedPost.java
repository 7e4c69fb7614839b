package io.inkstone.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook POST over HTTP/1.1 to exactly the address that was checked, against DNS
 * rebinding: the host is resolved once, every address it has must be public (unless
 * private targets are allowed), and the connection goes to one of those addresses, never
 * to the answer of a second lookup (a client that resolves the name again when it
 * connects can be sent to 127.0.0.1 by a name that was public a moment before). The
 * request keeps the URL's host name where it belongs: in the {@code Host} header and, for
 * https, in TLS (SNI and the certificate's host name check, as any browser does). A
 * redirect is an answer like any other, never followed. Only the answer's status line is
 * read; the whole exchange is bounded by the timeout.
 */
final class PinnedPost {

	/**
	 * Opens a TCP connection to an address (tests record where, and lead it elsewhere).
	 */
	@FunctionalInterface
	interface Dialer {

		Dialer PLAIN = (address, timeoutMillis) -> {
			Socket socket = new Socket();
			try {
				socket.connect(address, timeoutMillis);
				return socket;
			}
			catch (IOException ex) {
				socket.close();
				throw ex;
			}
		};

		Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;

	}

	/** The longest status or header line read. */
	private static final int MAX_LINE = 8192;

	/** The most interim (1xx) answers skipped before the final one. */
	private static final int MAX_INTERIM = 5;

	private final WebhookHosts hosts;

	private final Dialer dialer;

	private final SSLSocketFactory tls;

	private final Duration timeout;

	PinnedPost(WebhookHosts hosts, Dialer dialer, SSLSocketFactory tls, Duration timeout) {
		this.hosts = hosts;
		this.dialer = dialer;
		this.tls = tls;
		this.timeout = timeout;
	}

	/** The JVM's trust store, as the JDK's HTTP client uses by default. */
	static SSLSocketFactory defaultTls() {
		return (SSLSocketFactory) SSLSocketFactory.getDefault();
	}

	/**
	 * Posts {@code body} to {@code url} with {@code headers} and returns the answer's
	 * status code.
	 * @throws WebhookTargets.Refused when the URL or its host's addresses are not a
	 * target (nothing was sent)
	 * @throws IOException when no answer came
	 */
	int post(String url, boolean allowPrivate, Map<String, String> headers, byte[] body)
			throws WebhookTargets.Refused, IOException {
		URI uri = URI.create(WebhookTargets.parse(url).toASCIIString());
		List<InetAddress> addresses = WebhookTargets.addresses(uri, allowPrivate, hosts);
		boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
		int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
		// one deadline for the whole exchange: a name with many unanswering addresses or
		// a receiver that answers a byte at a time cannot hold the sender (and the lease
		// of its delivery) longer than the timeout
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Socket socket = open(addresses, WebhookTargets.hostName(uri), port, https, deadline)) {
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			out.write(head(uri, headers, body.length));
			out.write(body);
			out.flush();
			return status(socket, new BufferedInputStream(socket.getInputStream()), deadline);
		}
	}

	/** The milliseconds left until the deadline (at least 1), or a timeout when none. */
	static int remaining(long deadline) throws SocketTimeoutException {
		long left = (deadline - System.nanoTime()) / 1_000_000;
		if (left <= 0) {
			throw new SocketTimeoutException("no answer in time");
		}
		return (int) Math.min(Integer.MAX_VALUE, left);
	}

	/**
	 * A connection to the first of the checked addresses that answers; for https with the
	 * TLS handshake done for the URL's host name.
	 */
	private Socket open(List<InetAddress> addresses, String hostName, int port, boolean https, long deadline)
			throws IOException {
		IOException last = null;
		for (InetAddress address : addresses) {
			Socket socket;
			try {
				socket = dialer.connect(new InetSocketAddress(address, port), remaining(deadline));
			}
			catch (SocketTimeoutException ex) {
				throw ex;
			}
			catch (IOException ex) {
				last = ex;
				continue;
			}
			try {
				socket.setSoTimeout(remaining(deadline));
				return https ? handshake(socket, hostName, port) : socket;
			}
			catch (IOException | RuntimeException ex) {
				socket.close();
				throw ex;
			}
		}
		throw last != null ? last : new ConnectException("no address to connect to");
	}

	private SSLSocket handshake(Socket socket, String hostName, int port) throws IOException {
		SSLSocket ssl = (SSLSocket) tls.createSocket(socket, hostName, port, true);
		SSLParameters parameters = ssl.getSSLParameters();
		// the certificate must name the host of the URL, whatever address was dialled
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!addressLiteral(hostName)) {
			try {
				parameters.setServerNames(List.of(new SNIHostName(hostName)));
			}
			catch (IllegalArgumentException ex) {
				// not a name SNI can carry: the handshake goes without it, as in browsers
			}
		}
		ssl.setSSLParameters(parameters);
		ssl.setSoTimeout(socket.getSoTimeout());
		ssl.startHandshake();
		return ssl;
	}

	static boolean addressLiteral(String host) {
		return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
	}

	/** The request line and headers, in ASCII; control characters are refused. */
	static byte[] head(URI uri, Map<String, String> headers, int length) {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			path += "?" + uri.getRawQuery();
		}
		StringBuilder head = new StringBuilder(512);
		head.append("POST ").append(field(path)).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(field(uri.getHost())).append(uri.getPort() == -1 ? "" : ":" + uri.getPort());
		head.append("\r\n");
		for (Map.Entry<String, String> header : headers.entrySet()) {
			head.append(field(header.getKey())).append(": ").append(field(header.getValue())).append("\r\n");
		}
		head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static String field(String value) {
		if (value.chars().anyMatch(c -> c < 0x21 && c != ' ' || c > 0x7e)) {
			throw new IllegalArgumentException("not a header value");
		}
		return value;
	}

	/** The status of the final answer, skipping interim (1xx) ones. */
	static int status(Socket socket, InputStream in, long deadline) throws IOException {
		for (int interim = 0; interim <= MAX_INTERIM; interim++) {
			String line = line(socket, in, deadline);
			if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
				throw new ProtocolException("not an HTTP/1 answer");
			}
			int status;
			try {
				status = Integer.parseInt(line.substring(9, 12));
			}
			catch (NumberFormatException ex) {
				throw new ProtocolException("not an HTTP/1 answer");
			}
			if (status < 100 || status > 199) {
				return status;
			}
			while (!line(socket, in, deadline).isEmpty()) {
				// the interim answer's headers
			}
		}
		throw new ProtocolException("too many interim answers");
	}

	private static String line(Socket socket, InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		while (true) {
			if (in.available() == 0) {
				// a read waits at most until the deadline
				socket.setSoTimeout(remaining(deadline));
			}
			int b = in.read();
			if (b < 0) {
				throw new ProtocolException("the connection closed before an answer");
			}
			if (b == '\n') {
				return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
			}
			if (line.size() >= MAX_LINE) {
				throw new ProtocolException("answer line too long");
			}
			line.write(b);
		}
	}

}
