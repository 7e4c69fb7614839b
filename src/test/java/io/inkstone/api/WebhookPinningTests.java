package io.inkstone.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * DNS rebinding against the webhooks' SSRF guard: a name that is public when checked and
 * points at the server's own network a moment later. The sender resolves once, checks
 * every answer and connects to exactly the address it checked, keeping the name in the
 * {@code Host} header and in TLS (SNI, certificate host name check); a redirect is an
 * answer, never followed. The resolver and the dialer are injected: the dialer records
 * where the sender connects (and may lead the connection to a local receiver standing in
 * for the public host).
 */
class WebhookPinningTests {

	static final InetAddress PUBLIC = address(203, 0, 113, 7);

	static final InetAddress LOOPBACK = address(127, 0, 0, 1);

	static final String PAYLOAD = "{\"type\":\"ping\",\"data\":{}}";

	final WebhookRepository repository = mock(WebhookRepository.class);

	final WebhookProperties properties = new WebhookProperties(false, Duration.ofSeconds(30), Duration.ofHours(1), 8,
			Duration.ofSeconds(5));

	final List<Received> received = new CopyOnWriteArrayList<>();

	final List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();

	final AtomicInteger lookups = new AtomicInteger();

	HttpServer receiver;

	record Received(String path, String host, String signature, String body) {
	}

	static InetAddress address(int a, int b, int c, int d) {
		try {
			return InetAddress.getByAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Public at the first lookup (the check), then the given address: a rebinding name.
	 */
	WebhookHosts rebinding(InetAddress later) {
		return host -> new InetAddress[] { lookups.getAndIncrement() == 0 ? PUBLIC : later };
	}

	/** Records where the sender connects, and really connects to the local receiver. */
	PinnedPost.Dialer toReceiver() {
		return (address, timeout) -> {
			dialled.add(address);
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress(LOOPBACK, receiver.getAddress().getPort()), timeout);
			return socket;
		};
	}

	/** Records where the sender connects; the public test address answers nothing. */
	PinnedPost.Dialer unreachable() {
		return (address, timeout) -> {
			dialled.add(address);
			throw new ConnectException("no route to " + address + " in the test");
		};
	}

	void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		received.add(new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Host"),
				exchange.getRequestHeaders().getFirst("webhook-signature"), body));
		if (exchange.getRequestURI().getPath().equals("/moved")) {
			exchange.getResponseHeaders()
				.add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			exchange.sendResponseHeaders(307, -1);
		}
		else {
			exchange.sendResponseHeaders(204, -1);
		}
		exchange.close();
	}

	void startPlainReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
		receiver.createContext("/", this::handle);
		receiver.start();
	}

	@AfterEach
	void stop() {
		if (receiver != null) {
			receiver.stop(0);
		}
	}

	Webhook hook(String url) {
		Webhook hook = new Webhook(41L, 1L, 2L, url, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				Set.of("article.published"), 0L);
		when(repository.find(41L)).thenReturn(Optional.of(hook));
		return hook;
	}

	static WebhookDelivery delivery() {
		return new WebhookDelivery(77L, 41L, "ping", PAYLOAD, "pending", 0, 0L, null, null, 0L, null);
	}

	@Test
	void aNameRebindingToLoopbackAfterTheCheckIsNeverReached() throws Exception {
		startPlainReceiver();
		// "localhost" is what the system resolver answers 127.0.0.1 for: a sender that
		// looked the name up again when connecting would reach the receiver
		hook("http://localhost:" + receiver.getAddress().getPort() + "/hook");
		WebhookSender sender = new WebhookSender(repository, properties,
				new PinnedPost(rebinding(LOOPBACK), unreachable(), PinnedPost.defaultTls(), properties.timeout()),
				Clock.systemUTC());

		sender.attempt(delivery(), 1);

		assertThat(received).as("nothing reached the server's own network").isEmpty();
		assertThat(lookups).as("one lookup, the one checked").hasValue(1);
		assertThat(dialled).containsExactly(new InetSocketAddress(PUBLIC, receiver.getAddress().getPort()));
		verify(repository, never()).delivered(anyLong(), anyInt(), anyLong());
		verify(repository).failed(eq(77L), eq(null), startsWith("ConnectException"), any());
	}

	@Test
	void theConnectionGoesToTheCheckedAddressWithTheNameInTheHostHeader() throws Exception {
		startPlainReceiver();
		int port = receiver.getAddress().getPort();
		hook("http://hooks.example.com:" + port + "/hook?ids%5B%5D=1");
		WebhookSender sender = new WebhookSender(repository, properties, new PinnedPost(rebinding(address(10, 0, 0, 5)),
				toReceiver(), PinnedPost.defaultTls(), properties.timeout()), Clock.systemUTC());

		sender.attempt(delivery(), 1);

		assertThat(lookups).hasValue(1);
		assertThat(dialled).containsExactly(new InetSocketAddress(PUBLIC, port));
		assertThat(received).hasSize(1);
		Received r = received.get(0);
		assertThat(r.path()).isEqualTo("/hook?ids%5B%5D=1");
		assertThat(r.host()).isEqualTo("hooks.example.com:" + port);
		assertThat(r.body()).isEqualTo(PAYLOAD);
		assertThat(r.signature()).startsWith("v1,");
		verify(repository).delivered(eq(77L), eq(204), anyLong());
	}

	@Test
	void aRedirectIsAnAnswerNeverFollowed() throws Exception {
		startPlainReceiver();
		hook("http://hooks.example.com:" + receiver.getAddress().getPort() + "/moved");
		WebhookSender sender = new WebhookSender(repository, properties,
				new PinnedPost(rebinding(LOOPBACK), toReceiver(), PinnedPost.defaultTls(), properties.timeout()),
				Clock.systemUTC());

		sender.attempt(delivery(), 1);

		assertThat(received).extracting(Received::path).containsExactly("/moved");
		verify(repository).failed(eq(77L), eq(307), eq("HTTP 307"), any());
	}

	@Test
	void aPrivateAnswerAtTheOneLookupIsRefusedAndNotRetried() throws Exception {
		startPlainReceiver();
		hook("http://hooks.example.com:" + receiver.getAddress().getPort() + "/hook");
		// public, then private: the sender's one lookup is the private answer
		lookups.set(1);
		WebhookSender sender = new WebhookSender(repository, properties,
				new PinnedPost(rebinding(LOOPBACK), toReceiver(), PinnedPost.defaultTls(), properties.timeout()),
				Clock.systemUTC());

		sender.attempt(delivery(), 1);

		assertThat(dialled).isEmpty();
		assertThat(received).isEmpty();
		verify(repository).failed(77L, null, "target refused: webhooks.error.private", null);
	}

	@Test
	void oneDeadlineBoundsConnectingToManyAddressesAndASlowAnswer() throws Exception {
		WebhookProperties quick = new WebhookProperties(false, Duration.ofSeconds(30), Duration.ofHours(1), 8,
				Duration.ofSeconds(1));
		// a name with ten addresses that each take 400 ms to refuse
		InetAddress[] many = new InetAddress[10];
		for (int i = 0; i < many.length; i++) {
			many[i] = address(203, 0, 113, 10 + i);
		}
		PinnedPost.Dialer slowRefusal = (address, timeout) -> {
			dialled.add(address);
			try {
				Thread.sleep(Math.min(timeout, 400));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new ConnectException("refused");
		};
		Webhook target = hook("http://hooks.example.com/hook");
		long started = System.nanoTime();
		new WebhookSender(repository, quick,
				new PinnedPost(host -> many, slowRefusal, PinnedPost.defaultTls(), quick.timeout()), Clock.systemUTC())
			.attempt(delivery(), 1);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		assertThat(dialled).hasSizeLessThan(5);
		verify(repository).failed(eq(77L), eq(null), startsWith("SocketTimeoutException"), any());

		// a receiver that answers a byte every 200 ms, for ever
		try (ServerSocket trickle = new ServerSocket(0, 1, LOOPBACK)) {
			Thread server = new Thread(() -> {
				try (Socket client = trickle.accept()) {
					while (true) {
						client.getOutputStream().write('H');
						client.getOutputStream().flush();
						Thread.sleep(200);
					}
				}
				catch (IOException | InterruptedException ex) {
					// the sender hung up
				}
			});
			server.setDaemon(true);
			server.start();
			WebhookRepository slowLog = mock(WebhookRepository.class);
			when(slowLog.find(41L)).thenReturn(Optional.of(target));
			long begun = System.nanoTime();
			new WebhookSender(slowLog, quick,
					new PinnedPost(host -> new InetAddress[] { PUBLIC }, (address, timeout) -> {
						Socket socket = new Socket();
						socket.connect(trickle.getLocalSocketAddress(), timeout);
						return socket;
					}, PinnedPost.defaultTls(), quick.timeout()), Clock.systemUTC())
				.attempt(delivery(), 1);
			assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofMillis(2500));
			verify(slowLog).failed(eq(77L), eq(null), startsWith("SocketTimeoutException"), any());
		}
	}

	@Test
	void httpsKeepsTheNameForSniAndTheCertificateCheck(@TempDir Path dir) throws Exception {
		char[] password = "changeit".toCharArray();
		Path store = dir.resolve("hook.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=hooks.example.com", "-ext", "SAN=dns:hooks.example.com", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(store)) {
			keys.load(in, password);
		}
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(keys, password);
		SSLContext serverTls = SSLContext.getInstance("TLS");
		serverTls.init(kmf.getKeyManagers(), null, null);
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(keys);
		SSLContext clientTls = SSLContext.getInstance("TLS");
		clientTls.init(null, tmf.getTrustManagers(), null);

		List<String> sni = new CopyOnWriteArrayList<>();
		HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters ssl = serverTls.getDefaultSSLParameters();
				ssl.setSNIMatchers(List.of(new SNIMatcher(0) {
					@Override
					public boolean matches(SNIServerName name) {
						sni.add(((SNIHostName) name).getAsciiName());
						return true;
					}
				}));
				params.setSSLParameters(ssl);
			}
		});
		server.createContext("/", this::handle);
		receiver = server;
		server.start();
		int port = server.getAddress().getPort();

		hook("https://hooks.example.com:" + port + "/hook");
		WebhookSender sender = new WebhookSender(repository, properties,
				new PinnedPost(rebinding(LOOPBACK), toReceiver(), clientTls.getSocketFactory(), properties.timeout()),
				Clock.systemUTC());
		sender.attempt(delivery(), 1);
		assertThat(dialled).containsExactly(new InetSocketAddress(PUBLIC, port));
		assertThat(sni).containsExactly("hooks.example.com");
		assertThat(received).extracting(Received::host).containsExactly("hooks.example.com:" + port);
		verify(repository).delivered(eq(77L), eq(204), anyLong());

		// the same server under another name: its certificate does not name it, so
		// nothing is sent
		lookups.set(0);
		hook("https://other.example.org:" + port + "/hook");
		sender.attempt(delivery(), 2);
		assertThat(received).hasSize(1);
		verify(repository).failed(eq(77L), eq(null), startsWith("SSLHandshakeException"), any());
	}

}
