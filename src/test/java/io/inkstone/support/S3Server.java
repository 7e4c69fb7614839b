package io.inkstone.support;

import java.net.URI;
import java.time.Duration;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 API server in the test JVM: S3Proxy on loopback over jclouds' in-memory blob
 * store, with AWS signature checking on. Each instance is empty; {@link #createBucket}
 * makes the bucket a test uses.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "inkstone-test";

	public static final String SECRET_KEY = "inkstone-test-secret";

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	public S3Server() {
		this.context = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.build(BlobStoreContext.class);
		this.proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			proxy.start();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> "STARTED".equals(proxy.getState()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + proxy.getPort();
	}

	public void createBucket(String name) {
		context.getBlobStore().createContainerInLocation(null, name);
	}

	public long objectCount(String bucket) {
		return context.getBlobStore().countBlobs(bucket);
	}

	public boolean exists(String bucket, String key) {
		return context.getBlobStore().blobExists(bucket, key);
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
		context.close();
	}

}
