package io.inkstone.media;

import io.inkstone.shared.InkstoneProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
		return MediaStorage.of(media, inkstone.dataDir());
	}

	/**
	 * Files every node must see (export zips): only in cluster mode, in the media bucket.
	 */
	@Bean
	@ConditionalOnProperty(name = "inkstone.media.storage", havingValue = "s3")
	SharedFiles sharedFiles(MediaStorage storage) {
		return new S3SharedFiles((S3MediaStorage) storage);
	}

	@Bean
	ImageProcessor imageProcessor(MediaProperties media) {
		return new ImageProcessor(media);
	}

}
