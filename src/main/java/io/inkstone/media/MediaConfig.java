package io.inkstone.media;

import io.inkstone.shared.InkstoneProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the media storage: local disk by default, an S3-compatible bucket with
 * {@code inkstone.media.storage=s3}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfig {

	@Bean
	MediaStorage mediaStorage(MediaProperties media, InkstoneProperties inkstone) {
		return switch (media.storage()) {
			case "local" -> new LocalMediaStorage(inkstone.dataDir().resolve("media"));
			case "s3" -> new S3MediaStorage(media.s3());
			default ->
				throw new IllegalStateException("inkstone.media.storage must be local or s3, not " + media.storage());
		};
	}

	@Bean
	ImageProcessor imageProcessor(MediaProperties media) {
		return new ImageProcessor(media);
	}

}
