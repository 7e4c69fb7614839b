package io.inkstone.media;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.media.*}.
 *
 * @param storage {@code local} (under {@code inkstone.data-dir}/media) or {@code s3}
 * @param maxBytes largest accepted upload (the multipart limit in application.yml is set
 * a little above)
 * @param maxPixels width × height limit, checked from the header before decoding
 * (decompression bombs)
 * @param widths responsive widths generated for each image narrower than the original
 * @param s3 the S3-compatible bucket used when {@code storage=s3}
 */
@ConfigurationProperties(prefix = "inkstone.media")
@Validated
public record MediaProperties(@NotNull String storage, @Positive long maxBytes, @Positive long maxPixels,
		@NotNull List<Integer> widths, S3 s3) {

	/**
	 * @param endpoint e.g. {@code http://127.0.0.1:9000} for MinIO/S3Proxy; empty for AWS
	 * itself
	 * @param pathStyle path-style addressing (MinIO, S3Proxy, Ceph) instead of bucket
	 * subdomains
	 */
	public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
			boolean pathStyle) {
	}

}
