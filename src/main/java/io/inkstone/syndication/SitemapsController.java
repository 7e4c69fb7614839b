package io.inkstone.syndication;

import java.nio.charset.StandardCharsets;

import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import java.time.Duration;

/** {@code /sitemap.xml}, the sitemaps it names, and {@code /robots.txt}. */
@Controller
class SitemapsController {

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final Sitemaps sitemaps;

	private final PublicUrl publicUrl;

	SitemapsController(Sitemaps sitemaps, PublicUrl publicUrl) {
		this.sitemaps = sitemaps;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> index(WebRequest request) {
		return xml(sitemaps.index(), request);
	}

	@GetMapping("/sitemaps/pages.xml")
	ResponseEntity<byte[]> pages(WebRequest request) {
		return xml(sitemaps.pages(), request);
	}

	@GetMapping("/sitemaps/channels.xml")
	ResponseEntity<byte[]> channels(WebRequest request) {
		return xml(sitemaps.channels().orElseThrow(() -> new NotFoundException("no such sitemap")), request);
	}

	@GetMapping("/sitemaps/creators.xml")
	ResponseEntity<byte[]> creators(WebRequest request) {
		return xml(sitemaps.creators().orElseThrow(() -> new NotFoundException("no such sitemap")), request);
	}

	@GetMapping("/sitemaps/news.xml")
	ResponseEntity<byte[]> news(WebRequest request) {
		return xml(sitemaps.news().orElseThrow(() -> new NotFoundException("no such sitemap")), request);
	}

	@GetMapping("/sitemaps/articles-{month}.xml")
	ResponseEntity<byte[]> month(@PathVariable String month, WebRequest request) {
		return xml(sitemaps.month(month).orElseThrow(() -> new NotFoundException("no such sitemap")), request);
	}

	/**
	 * Crawlers get the sitemap index; search results, the studio, administration and the
	 * API stay out.
	 */
	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Disallow: /search
				Disallow: /studio
				Disallow: /admin
				Disallow: /api
				Allow: /

				Sitemap: %s
				""".formatted(publicUrl.absolute("/sitemap.xml"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(body);
	}

	private static ResponseEntity<byte[]> xml(String xml, WebRequest request) {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		String etag = "\"" + Feeds.sha256(body).substring(0, 32) + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(XML)
			.cacheControl(CacheControl.maxAge(Sitemaps.TTL).cachePublic())
			.eTag(etag)
			.body(body);
	}

}
