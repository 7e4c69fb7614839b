package io.inkstone.media;

import java.time.Duration;

import io.inkstone.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves stored images. Keys are content hashes, so responses are immutable and cached
 * for a year by browsers and any CDN in front; the ETag is the key itself.
 */
@RestController
class MediaController {

	private final Media media;

	MediaController(Media media) {
		this.media = media;
	}

	@GetMapping("/media/{sha}/{file}")
	ResponseEntity<byte[]> serve(@PathVariable String sha, @PathVariable String file, WebRequest request) {
		String key = sha + "/" + file;
		String etag = "\"" + key.replace('/', '-') + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		MediaStorage.Blob blob = media.read(key).orElseThrow(() -> new NotFoundException("media " + key));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.eTag(etag)
			.contentType(MediaType.parseMediaType(blob.contentType()))
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.body(blob.bytes());
	}

}
