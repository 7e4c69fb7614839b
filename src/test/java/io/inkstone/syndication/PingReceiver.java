package io.inkstone.syndication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fake Baidu push API ({@code /baidu/urls}) and IndexNow API ({@code /indexnow}) on
 * loopback, started before the application so its address can be configured. Baidu's
 * first call answers 500 (the ping must be retried).
 */
final class PingReceiver {

	record Call(String path, String query, String contentType, String body) {
	}

	static final String BAIDU_TOKEN = "baidu-secret-token";

	static final String INDEXNOW_KEY = "0f3e6a4b2c1d4e5f8a9b";

	final List<Call> baidu = new CopyOnWriteArrayList<>();

	final List<Call> indexNow = new CopyOnWriteArrayList<>();

	final AtomicInteger baiduCalls = new AtomicInteger();

	private final HttpServer server;

	PingReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/baidu/urls", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = baiduCalls.incrementAndGet() == 1;
			if (!fail) {
				baidu.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
						exchange.getRequestHeaders().getFirst("Content-Type"), body));
			}
			byte[] answer = (fail ? "{\"error\":500,\"message\":\"busy\"}" : "{\"remain\":99,\"success\":1}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.createContext("/indexnow", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			indexNow.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		server.start();
	}

	String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Configures both endpoints at this receiver, with quick retries. */
	void configure(DynamicPropertyRegistry registry) {
		registry.add("inkstone.pings.endpoints[0].type", () -> "baidu");
		registry.add("inkstone.pings.endpoints[0].token", () -> BAIDU_TOKEN);
		registry.add("inkstone.pings.endpoints[0].url", () -> base() + "/baidu/urls");
		registry.add("inkstone.pings.endpoints[1].type", () -> "indexnow");
		registry.add("inkstone.pings.endpoints[1].token", () -> INDEXNOW_KEY);
		registry.add("inkstone.pings.endpoints[1].url", () -> base() + "/indexnow");
		registry.add("inkstone.pings.first-retry", () -> "1s");
	}

}
