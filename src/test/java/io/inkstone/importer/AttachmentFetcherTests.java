package io.inkstone.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.inkstone.support.TestImages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetching an imported site's images from a local HTTP server: http(s) only, the SSRF
 * guard (loopback refused unless allowed), redirects checked hop by hop and limited, the
 * size limit with and without a Content-Length, the time limit, and errors answered by
 * the server.
 */
class AttachmentFetcherTests {

	static final byte[] IMAGE = TestImages.encode(TestImages.picture(64, 48), "jpg");

	HttpServer server;

	final ExecutorService pool = Executors.newCachedThreadPool();

	final AtomicInteger hits = new AtomicInteger();

	String base;

	@BeforeEach
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/wp-content/uploads/2024/05/港口.jpg", ex -> {
			hits.incrementAndGet();
			ex.getResponseHeaders().add("Content-Type", "image/jpeg");
			ex.sendResponseHeaders(200, IMAGE.length);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(IMAGE);
			}
		});
		server.createContext("/big-chunked.jpg", ex -> {
			ex.sendResponseHeaders(200, 0); // chunked: no Content-Length
			try (OutputStream out = ex.getResponseBody()) {
				out.write(new byte[5000]);
			}
		});
		server.createContext("/big.jpg", ex -> {
			ex.sendResponseHeaders(200, 5000);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(new byte[5000]);
			}
		});
		server.createContext("/slow.jpg", ex -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			ex.sendResponseHeaders(200, IMAGE.length);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(IMAGE);
			}
		});
		server.createContext("/moved.jpg", ex -> {
			ex.getResponseHeaders().add("Location", "/wp-content/uploads/2024/05/%E6%B8%AF%E5%8F%A3.jpg");
			ex.sendResponseHeaders(302, -1);
			ex.close();
		});
		server.createContext("/loop.jpg", ex -> {
			ex.getResponseHeaders().add("Location", "/loop.jpg");
			ex.sendResponseHeaders(301, -1);
			ex.close();
		});
		server.createContext("/gone.jpg", ex -> {
			ex.sendResponseHeaders(404, -1);
			ex.close();
		});
		server.setExecutor(pool);
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		pool.shutdownNow();
	}

	static AttachmentFetcher fetcher(boolean allowPrivate, long maxBytes, Duration timeout) {
		return new AttachmentFetcher(new ImporterProperties(true, maxBytes, timeout, allowPrivate));
	}

	@Test
	void fetchesAnImageFromAnAllowedHost() throws Exception {
		byte[] bytes = fetcher(true, 1_000_000, Duration.ofSeconds(5))
			.fetch(base + "/wp-content/uploads/2024/05/%E6%B8%AF%E5%8F%A3.jpg");
		assertThat(bytes).isEqualTo(IMAGE);
	}

	@Test
	void refusesLoopbackAndPrivateAddressesByDefault() {
		AttachmentFetcher guarded = fetcher(false, 1_000_000, Duration.ofSeconds(5));
		for (String url : new String[] { base + "/wp-content/uploads/2024/05/%E6%B8%AF%E5%8F%A3.jpg",
				"http://10.0.0.1/a.jpg", "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.jpg",
				"http://0.0.0.0/a.jpg" }) {
			assertThatThrownBy(() -> guarded.fetch(url)).as(url)
				.isInstanceOf(AttachmentFetcher.Refused.class)
				.hasMessageContaining("not a public address");
		}
		assertThat(hits.get()).isZero();
	}

	@Test
	void fetchesHttpAndHttpsOnly() {
		AttachmentFetcher open = fetcher(true, 1_000_000, Duration.ofSeconds(5));
		for (String url : new String[] { "file:///etc/passwd", "ftp://127.0.0.1/a.jpg", "gopher://127.0.0.1/",
				"jar:file:/x!/a", "http://user:pw@127.0.0.1/a.jpg", "not a url" }) {
			assertThatThrownBy(() -> open.fetch(url)).as(url).isInstanceOf(AttachmentFetcher.Refused.class);
		}
	}

	@Test
	void followsAFewRedirectsCheckingEachHop() throws Exception {
		assertThat(fetcher(true, 1_000_000, Duration.ofSeconds(5)).fetch(base + "/moved.jpg")).isEqualTo(IMAGE);
		assertThatThrownBy(() -> fetcher(true, 1_000_000, Duration.ofSeconds(5)).fetch(base + "/loop.jpg"))
			.hasMessageContaining("redirects");
	}

	@Test
	void refusesImagesOverTheSizeLimitWithOrWithoutALength() {
		AttachmentFetcher small = fetcher(true, 1000, Duration.ofSeconds(5));
		assertThatThrownBy(() -> small.fetch(base + "/big.jpg")).hasMessageContaining("larger than 1000 bytes");
		assertThatThrownBy(() -> small.fetch(base + "/big-chunked.jpg")).hasMessageContaining("larger than 1000 bytes");
	}

	@Test
	void givesUpAfterTheTimeLimitAndOnErrors() {
		AttachmentFetcher quick = fetcher(true, 1_000_000, Duration.ofMillis(500));
		long started = System.nanoTime();
		assertThatThrownBy(() -> quick.fetch(base + "/slow.jpg")).hasMessageContaining("fetching it failed");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		assertThatThrownBy(() -> quick.fetch(base + "/gone.jpg")).hasMessageContaining("HTTP 404");
	}

}
