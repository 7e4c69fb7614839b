package io.inkstone.media;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy …) with the AWS SDK v2,
 * so every node of a cluster reads and writes the same images. Objects are immutable
 * (content-addressed keys).
 */
class S3MediaStorage implements MediaStorage, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	/** Keys per ListObjectsV2 page (S3's own maximum; tests page smaller). */
	private int pageSize = 1000;

	S3MediaStorage(MediaProperties.S3 config) {
		if (config == null || config.bucket() == null || config.bucket().isBlank()) {
			throw new IllegalStateException("inkstone.media.storage=s3 needs inkstone.media.s3.bucket");
		}
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(config.region() == null || config.region().isBlank() ? "us-east-1" : config.region()))
			.forcePathStyle(config.pathStyle())
			// Checksums only where S3 requires them: the SDK's default trailing checksums
			// (aws-chunked uploads)
			// are not understood by many S3-compatible servers (S3Proxy, older MinIO and
			// Ceph).
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (config.endpoint() != null && !config.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(config.endpoint()));
		}
		builder.credentialsProvider(config.accessKey() == null || config.accessKey().isBlank()
				? DefaultCredentialsProvider.builder().build()
				: StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey())));
		this.s3 = builder.build();
		this.bucket = config.bucket();
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		MediaKeys.requireValid(key);
		s3.putObject(b -> b.bucket(bucket)
			.key(key)
			.contentType(contentType)
			.cacheControl("public, max-age=31536000, immutable"), RequestBody.fromBytes(bytes));
	}

	@Override
	public Optional<Blob> get(String key) {
		MediaKeys.requireValid(key);
		try {
			ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
			String type = object.response().contentType();
			return Optional.of(new Blob(object.asByteArray(), type == null ? MediaKeys.contentType(key) : type));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) {
		MediaKeys.requireValid(key);
		s3.deleteObject(b -> b.bucket(bucket).key(key));
	}

	@Override
	public void close() {
		s3.close();
	}

	@Override
	public void putFile(String key, Path file) {
		MediaKeys.requireValid(key);
		putObject(key, file, MediaKeys.contentType(key), "public, max-age=31536000, immutable");
	}

	/** Streams the file into the bucket (its length is known, so nothing is buffered). */
	void putObject(String key, Path file, String contentType, String cacheControl) {
		s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
				RequestBody.fromFile(file));
	}

	/** Every key in the bucket under {@code prefix}, page by page (ListObjectsV2). */
	List<String> list(String prefix) {
		return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(pageSize))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	void pageSize(int keys) {
		this.pageSize = keys;
	}

	Optional<InputStream> openObject(String key) {
		return openObject(key, 0);
	}

	/** The object from byte {@code offset} on (an HTTP range request when above 0). */
	Optional<InputStream> openObject(String key, long offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("negative offset " + offset);
		}
		try {
			return Optional.of(s3.getObject(b -> {
				b.bucket(bucket).key(key);
				if (offset > 0) {
					b.range("bytes=" + offset + "-");
				}
			}));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	/** The object's length (a HEAD request); empty when there is none. */
	Optional<Long> objectSize(String key) {
		try {
			return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			// a HEAD answer has no body to name the error: 404 is the missing object
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	void deleteObject(String key) {
		s3.deleteObject(b -> b.bucket(bucket).key(key));
	}

	@Override
	public List<String> keys() {
		return list("").stream().filter(MediaKeys::valid).sorted().toList();
	}

	@Override
	public Optional<InputStream> open(String key) {
		MediaKeys.requireValid(key);
		return openObject(key);
	}

}
