package io.inkstone.site;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /favicon.ico}, which browsers ask for on every site: the logo (a PNG, which
 * every browser takes as an icon), instead of a 404 in every log. Pages link it as
 * {@code rel=icon} too.
 */
@Controller
class FaviconController {

	private static final Resource LOGO = new ClassPathResource("static/img/logo.png");

	@GetMapping("/favicon.ico")
	ResponseEntity<Resource> favicon() {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.body(LOGO);
	}

}
