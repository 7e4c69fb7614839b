package io.inkstone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import org.jsoup.nodes.Element;

/**
 * A minimal HTTP "browser" for full-app tests: keeps cookies (reader id, CSRF, mode),
 * does not follow redirects (tests assert them), sends a browser user agent, and parses
 * HTML with jsoup.
 */
public final class Browser {

	public static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) InkstoneTest/1.0";

	private final String base;

	private final CookieManager cookies;

	private final HttpClient client;

	private String userAgent = USER_AGENT;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Browser(int port) {
		this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private Browser(int port, CookieManager shared) {
		this.base = "http://localhost:" + port;
		this.cookies = shared;
		this.client = HttpClient.newBuilder().cookieHandler(shared).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The same reader (same cookies) talking to another node. */
	public Browser sameCookiesOn(int otherPort) {
		return new Browser(otherPort, cookies);
	}

	/**
	 * A new browser holding only this one's session cookie ({@code JSESSIONID}): the same
	 * signed-in session without the language, mode or CSRF cookies this one picked up, so
	 * that one sign-in can serve several tests without one test's choices reaching the
	 * next.
	 */
	public Browser sameSession() {
		URI uri = URI.create(base);
		CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpCookie session = cookies.getCookieStore()
			.get(uri)
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie for " + base));
		jar.getCookieStore().add(uri, session);
		return new Browser(uri.getPort(), jar);
	}

	public Browser userAgent(String userAgent) {
		this.userAgent = userAgent;
		return this;
	}

	/**
	 * Sends {@code name: value} with every request from now on, e.g. the
	 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} a reverse proxy adds.
	 */
	public Browser header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent);
		headers.forEach(builder::header);
		return builder;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	public HttpResponse<String> get(String path, String header, String value) {
		return send(request(path).header(header, value).GET().build());
	}

	public Page page(String path) {
		HttpResponse<String> response = get(path);
		return new Page(response.statusCode(), Jsoup.parse(response.body(), base + path), response);
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, form, "text/html");
	}

	public HttpResponse<String> post(String path, Map<String, String> form, String accept) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * A {@code multipart/form-data} POST, as a browser sends a file form: the fields,
	 * then one file part.
	 */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, String fileType, byte[] file, String accept) {
		String boundary = "----inkstone" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (var field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (file != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/**
	 * A GET whose body is kept as bytes, with one extra header (e.g. Accept-Encoding).
	 */
	public HttpResponse<byte[]> getBytes(String path, String header, String value) {
		try {
			return client.send(request(path).header(header, value).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Any method with an optional body ({@code null}: none) and extra headers as name,
	 * value pairs, with this browser's cookies: API calls as a script or as the signed-in
	 * page would make them.
	 */
	public HttpResponse<String> send(String method, String path, String contentType, String body,
			String... headerPairs) {
		HttpRequest.Builder builder = request(path).method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headerPairs.length; i += 2) {
			builder.header(headerPairs[i], headerPairs[i + 1]);
		}
		return send(builder.build());
	}

	/** A GET whose body is kept as bytes (images). */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A form POST with a {@code Host} header of the caller's choice (java.net.http
	 * refuses to send one), over a raw socket, with this browser's cookies; returns the
	 * status code. Host-header attacks are driven with this.
	 */
	public int postWithHost(String path, Map<String, String> form, String host) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		String cookieHeader = cookies.getCookieStore()
			.get(URI.create(base))
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create(base);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(10_000);
			StringBuilder head = new StringBuilder().append("POST ")
				.append(path)
				.append(" HTTP/1.1\r\n")
				.append("Host: ")
				.append(host)
				.append("\r\n")
				.append("User-Agent: ")
				.append(userAgent)
				.append("\r\n")
				.append("Content-Type: application/x-www-form-urlencoded\r\n")
				.append("Content-Length: ")
				.append(bytes.length)
				.append("\r\n")
				.append("Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (!cookieHeader.isEmpty()) {
				head.append("Cookie: ").append(cookieHeader).append("\r\n");
			}
			head.append("\r\n");
			socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CSRF token from the XSRF-TOKEN cookie. Shared pages set none, so when there is
	 * none yet this asks {@code /csrf} for one, as the page's script does before it sends
	 * a form.
	 */
	public String csrfToken() {
		String token = cookie("XSRF-TOKEN");
		if (token == null) {
			HttpResponse<String> response = get("/csrf");
			if (response.statusCode() != 200) {
				throw new IllegalStateException("no CSRF token: /csrf answered " + response.statusCode());
			}
			token = cookie("XSRF-TOKEN");
		}
		if (token == null) {
			throw new IllegalStateException("no CSRF cookie after /csrf");
		}
		return token;
	}

	/**
	 * What the article page's script does after the page loads: the read beacon (counts
	 * the read).
	 */
	public HttpResponse<String> view(long articleId) {
		return post("/articles/" + articleId + "/view", Map.of(), "application/json");
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Page(int status, Document html, HttpResponse<String> response) {

		public Element testId(String id) {
			Element element = html.selectFirst("[data-testid=" + id + "]");
			if (element == null) {
				throw new AssertionError("no element with data-testid=" + id + " on " + response.uri());
			}
			return element;
		}

	}

}
