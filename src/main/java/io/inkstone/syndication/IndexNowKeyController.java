package io.inkstone.syndication;

import io.inkstone.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The IndexNow key file: {@code /{key}.txt} answers the key itself for a configured
 * IndexNow key (the search engine fetches it to check the site owns the key) and 404 for
 * anything else.
 */
@Controller
class IndexNowKeyController {

	private final PingProperties properties;

	IndexNowKeyController(PingProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/{key:[A-Za-z0-9-]{8,128}}.txt")
	ResponseEntity<String> key(@PathVariable String key) {
		if (!properties.isIndexNowKey(key)) {
			throw new NotFoundException("no such key file");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(key);
	}

}
