package io.inkstone.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * An S3 API server in the test JVM, in memory, on loopback: path-style buckets, PUT
 * (plain or {@code aws-chunked}), GET (with {@code Range}), HEAD, DELETE and
 * ListObjectsV2, with AWS Signature Version 4 checked on every request, so wrong
 * credentials are refused as S3 refuses them. Built on Jetty's core (no servlet), which
 * every build of Inkstone has on its test classpath; it replaces S3Proxy, whose Jetty 11
 * cannot share a classpath with the Jetty 12 Inkstone runs on. Each instance is empty;
 * {@link #createBucket} makes the bucket a test uses.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "inkstone-test";

	public static final String SECRET_KEY = "inkstone-test-secret";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();

	private final Server server = new Server();

	private final ServerConnector connector = new ServerConnector(server);

	public S3Server() {
		connector.setHost("127.0.0.1");
		connector.setPort(0);
		server.addConnector(connector);
		server.setHandler(new Handler.Abstract() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) throws Exception {
				S3Server.this.handle(request, response, callback);
				return true;
			}
		});
		try {
			server.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the fake S3 did not start", ex);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + connector.getLocalPort();
	}

	public void createBucket(String name) {
		buckets.putIfAbsent(name, new ConcurrentSkipListMap<>());
	}

	public long objectCount(String bucket) {
		return buckets.get(bucket).size();
	}

	public boolean exists(String bucket, String key) {
		return buckets.get(bucket).containsKey(key);
	}

	@Override
	public void close() throws Exception {
		server.stop();
	}

	private record StoredObject(byte[] bytes, String contentType, String cacheControl, Instant modified) {

		String etag() {
			try {
				return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + '"';
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private void handle(Request request, Response response, Callback callback) throws Exception {
		byte[] body = Content.Source.asInputStream(request).readAllBytes();
		HttpFields headers = request.getHeaders();
		if (!signedWithTheSecret(request)) {
			error(response, callback, 403, "SignatureDoesNotMatch");
			return;
		}
		String path = request.getHttpURI().getDecodedPath();
		int slash = path.indexOf('/', 1);
		String bucketName = slash < 0 ? path.substring(1) : path.substring(1, slash);
		String key = slash < 0 ? "" : path.substring(slash + 1);
		String method = request.getMethod();
		if (key.isEmpty() && "PUT".equals(method)) {
			createBucket(bucketName);
			send(response, callback, 200, null, new byte[0]);
			return;
		}
		NavigableMap<String, StoredObject> bucket = buckets.get(bucketName);
		if (bucket == null) {
			error(response, callback, 404, "NoSuchBucket");
			return;
		}
		if (key.isEmpty() && "GET".equals(method)) {
			list(request, response, callback, bucketName, bucket);
			return;
		}
		switch (method) {
			case "PUT" -> {
				String sha = String.valueOf(headers.get("x-amz-content-sha256"));
				byte[] bytes = sha.startsWith("STREAMING-") ? awsChunked(body) : body;
				StoredObject stored = new StoredObject(bytes, headers.get("Content-Type"), headers.get("Cache-Control"),
						Instant.now());
				bucket.put(key, stored);
				response.getHeaders().put("ETag", stored.etag());
				send(response, callback, 200, null, new byte[0]);
			}
			case "DELETE" -> {
				bucket.remove(key);
				send(response, callback, 204, null, null);
			}
			case "GET", "HEAD" -> {
				StoredObject stored = bucket.get(key);
				if (stored == null) {
					error(response, callback, 404, "NoSuchKey");
					return;
				}
				read(stored, "HEAD".equals(method), headers.get("Range"), response, callback);
			}
			default -> error(response, callback, 405, "MethodNotAllowed");
		}
	}

	private void read(StoredObject stored, boolean head, String range, Response response, Callback callback) {
		byte[] bytes = stored.bytes();
		int status = 200;
		if (range != null && range.startsWith("bytes=")) {
			String[] bounds = range.substring(6).split("-", -1);
			int from = Integer.parseInt(bounds[0]);
			int to = bounds[1].isEmpty() ? bytes.length - 1 : Math.min(Integer.parseInt(bounds[1]), bytes.length - 1);
			response.getHeaders().put("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
			bytes = Arrays.copyOfRange(bytes, from, to + 1);
			status = 206;
		}
		response.getHeaders().put("ETag", stored.etag());
		response.getHeaders().put("Last-Modified", HTTP_DATE.format(stored.modified()));
		response.getHeaders().put("Accept-Ranges", "bytes");
		if (stored.cacheControl() != null) {
			response.getHeaders().put("Cache-Control", stored.cacheControl());
		}
		if (head) {
			response.getHeaders().put("Content-Length", Long.toString(bytes.length));
			if (stored.contentType() != null) {
				response.getHeaders().put("Content-Type", stored.contentType());
			}
			send(response, callback, status, null, null);
			return;
		}
		send(response, callback, status, stored.contentType(), bytes);
	}

	private void list(Request request, Response response, Callback callback, String name,
			NavigableMap<String, StoredObject> bucket) {
		Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
		String prefix = query.getValue("prefix") == null ? "" : query.getValue("prefix");
		int max = query.getValue("max-keys") == null ? 1000 : Integer.parseInt(query.getValue("max-keys"));
		String token = query.getValue("continuation-token");
		NavigableMap<String, StoredObject> from = token == null ? bucket.tailMap(prefix, true)
				: bucket.tailMap(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), false);
		List<Map.Entry<String, StoredObject>> page = new ArrayList<>();
		boolean truncated = false;
		for (Map.Entry<String, StoredObject> entry : from.entrySet()) {
			if (!entry.getKey().startsWith(prefix)) {
				break;
			}
			if (page.size() == max) {
				truncated = true;
				break;
			}
			page.add(entry);
		}
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
		xml.append("<Name>").append(xmlText(name)).append("</Name><Prefix>").append(xmlText(prefix));
		xml.append("</Prefix><KeyCount>").append(page.size()).append("</KeyCount><MaxKeys>").append(max);
		xml.append("</MaxKeys><IsTruncated>").append(truncated).append("</IsTruncated>");
		if (truncated) {
			String last = page.get(page.size() - 1).getKey();
			xml.append("<NextContinuationToken>")
				.append(Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)))
				.append("</NextContinuationToken>");
		}
		for (Map.Entry<String, StoredObject> entry : page) {
			xml.append("<Contents><Key>").append(xmlText(entry.getKey())).append("</Key><LastModified>");
			xml.append(entry.getValue().modified()).append("</LastModified><ETag>");
			xml.append(xmlText(entry.getValue().etag())).append("</ETag><Size>");
			xml.append(entry.getValue().bytes().length)
				.append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
		}
		xml.append("</ListBucketResult>");
		send(response, callback, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void error(Response response, Callback callback, int status, String code) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + code
				+ "</Message></Error>";
		send(response, callback, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(Response response, Callback callback, int status, String contentType, byte[] bytes) {
		response.setStatus(status);
		if (contentType != null) {
			response.getHeaders().put("Content-Type", contentType);
		}
		if (bytes != null) {
			response.getHeaders().put("Content-Length", Long.toString(bytes.length));
		}
		response.write(true, bytes == null ? null : ByteBuffer.wrap(bytes), callback);
	}

	private static String xmlText(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * The payload of an {@code aws-chunked} body: each chunk's data, signatures dropped.
	 */
	private static byte[] awsChunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOfCrlf(body, at);
			String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
			int semicolon = header.indexOf(';');
			int size = Integer.parseInt(semicolon < 0 ? header.trim() : header.substring(0, semicolon).trim(), 16);
			if (size == 0) {
				break;
			}
			out.write(body, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalArgumentException("no chunk header");
	}

	/** AWS Signature Version 4 as S3 checks it, from the Authorization header. */
	private static boolean signedWithTheSecret(Request request) throws GeneralSecurityException {
		HttpFields headers = request.getHeaders();
		String authorization = headers.get("Authorization");
		if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
			return false;
		}
		Map<String, String> parts = new ConcurrentHashMap<>();
		for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
			String[] pair = part.trim().split("=", 2);
			parts.put(pair[0], pair.length > 1 ? pair[1] : "");
		}
		String[] credential = parts.getOrDefault("Credential", "").split("/");
		if (credential.length != 5 || !ACCESS_KEY.equals(credential[0])) {
			return false;
		}
		String signedHeaders = parts.getOrDefault("SignedHeaders", "");
		StringBuilder canonical = new StringBuilder();
		canonical.append(request.getMethod()).append('\n');
		canonical.append(request.getHttpURI().getPath()).append('\n');
		canonical.append(canonicalQuery(request.getHttpURI().getQuery())).append('\n');
		for (String name : signedHeaders.split(";")) {
			String value = String.join(",", headers.getValuesList(name));
			canonical.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
		}
		canonical.append('\n').append(signedHeaders).append('\n');
		String payload = headers.get("x-amz-content-sha256");
		canonical.append(payload == null ? "UNSIGNED-PAYLOAD" : payload);
		String scope = String.join("/", Arrays.copyOfRange(credential, 1, 5));
		String toSign = "AWS4-HMAC-SHA256\n" + headers.get("x-amz-date") + "\n" + scope + "\n" + HexFormat.of()
			.formatHex(
					MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		byte[] key = ("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8);
		for (int i = 1; i < 5; i++) {
			key = hmac(key, credential[i]);
		}
		String expected = HexFormat.of().formatHex(hmac(key, toSign));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				parts.getOrDefault("Signature", "").getBytes(StandardCharsets.US_ASCII));
	}

	private static String canonicalQuery(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		List<String> pairs = new ArrayList<>();
		for (String pair : query.split("&")) {
			pairs.add(pair.contains("=") ? pair : pair + "=");
		}
		pairs.sort(null);
		return String.join("&", pairs);
	}

	private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

}
