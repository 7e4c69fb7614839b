package io.inkstone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 API server on loopback: S3Proxy over jclouds' in-memory blob store, with AWS
 * signature checking on. It runs as its own process ({@code java -jar} on the shaded jar
 * the build copies to {@code target/s3proxy/s3proxy.jar}), so its Jetty 11 never meets
 * the application's servlet container on the test classpath. Its output goes to
 * {@code target/s3proxy/s3proxy-<port>.log}. Each instance is empty;
 * {@link #createBucket} makes the bucket a test uses.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "inkstone-test";

	public static final String SECRET_KEY = "inkstone-test-secret";

	/**
	 * Where the build ({@code maven-dependency-plugin}, execution {@code s3proxy}) puts
	 * it.
	 */
	private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final int port;

	private final Path properties;

	private final Path log;

	private final Process process;

	private final Thread killer;

	private final S3Client s3;

	public S3Server() {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath()
					+ " is missing: the build copies it (./mvnw -B -o generate-test-resources, or any test run)");
		}
		this.port = freePort();
		this.log = JAR.resolveSibling("s3proxy-" + port + ".log").toAbsolutePath();
		this.properties = writeProperties(port);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		try {
			// a small, quickly started JVM: S3Proxy holds a few test images at most
			this.process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
					"-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		}
		catch (IOException ex) {
			deleteProperties();
			throw new UncheckedIOException("S3Proxy could not be started", ex);
		}
		// a test JVM that ends without close() (a crash, an aborted run) leaves no orphan
		this.killer = new Thread(this::stopProcess, "s3proxy-" + port + "-killer");
		Runtime.getRuntime().addShutdownHook(killer);
		try {
			await().atMost(STARTUP)
				.pollInterval(Duration.ofMillis(100))
				.failFast("S3Proxy exited; see " + log, () -> !process.isAlive())
				.until(this::answers);
		}
		catch (RuntimeException ex) {
			close();
			throw new IllegalStateException("S3Proxy did not start; see " + log, ex);
		}
		this.s3 = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.endpointOverride(URI.create(endpoint()))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	public String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	public void createBucket(String name) {
		s3.createBucket(b -> b.bucket(name));
	}

	public long objectCount(String bucket) {
		return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count();
	}

	public boolean exists(String bucket, String key) {
		try {
			s3.headObject(b -> b.bucket(bucket).key(key));
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public void close() {
		if (s3 != null) {
			s3.close();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(killer);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook stops the process
		}
		stopProcess();
	}

	private void stopProcess() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		deleteProperties();
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path writeProperties(int port) {
		Properties config = new Properties();
		config.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
		config.setProperty("s3proxy.authorization", "aws-v2-or-v4");
		config.setProperty("s3proxy.identity", ACCESS_KEY);
		config.setProperty("s3proxy.credential", SECRET_KEY);
		// in memory: nothing outlives the process
		config.setProperty("jclouds.provider", "transient");
		config.setProperty("jclouds.identity", "identity");
		config.setProperty("jclouds.credential", "credential");
		try {
			Path file = Files.createTempFile("s3proxy-", ".properties");
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
				config.store(out, "S3Server (tests)");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteProperties() {
		try {
			Files.deleteIfExists(properties);
		}
		catch (IOException ex) {
			// a temporary file: the system cleans it up
		}
	}

}
