/**
 * Media: a creator's image library. Uploads are checked by content (JPEG, PNG, WebP,
 * GIF), limited in bytes and pixels, re-encoded without EXIF/GPS, resized into responsive
 * widths and stored content-addressed behind the {@link io.inkstone.media.MediaStorage}
 * port (local disk by default, S3-compatible object storage in cluster mode).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "articles", "creators", "shared", "web" })
package io.inkstone.media;
