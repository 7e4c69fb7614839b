package io.inkstone.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import io.inkstone.media.Media;
import io.inkstone.media.MediaStorage;
import io.inkstone.shared.SiteSettings;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /site-logo}: the logo the site header shows, the uploaded one
 * ({@link SiteSettings#SITE_LOGO}, from the media storage every node shares) or else the
 * bundled {@code /img/logo.png}. The address stays the same when the logo changes, so
 * browsers revalidate it on each use (a 304 while unchanged) and a new logo shows on the
 * next page.
 */
@Controller
class SiteLogoController {

	private static final byte[] BUNDLED = bundled();

	private final SiteSettings settings;

	private final Media media;

	SiteLogoController(SiteSettings settings, Media media) {
		this.settings = settings;
		this.media = media;
	}

	private static byte[] bundled() {
		try (InputStream in = new ClassPathResource("static/img/logo.png").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/site-logo")
	ResponseEntity<byte[]> logo(WebRequest request) {
		Optional<String> key = settings.value(SiteSettings.SITE_LOGO);
		Optional<MediaStorage.Blob> blob = key.flatMap(media::siteImage);
		String etag = "\"" + blob.map(b -> key.get().replace('/', '-')).orElse("bundled") + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().cachePublic())
			.eTag(etag)
			.contentType(blob.map(b -> MediaType.parseMediaType(b.contentType())).orElse(MediaType.IMAGE_PNG))
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(blob.map(MediaStorage.Blob::bytes).orElse(BUNDLED));
	}

}
