package io.inkstone.syndication;

import java.net.URI;
import java.util.Optional;

import io.inkstone.channels.Channels;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * The public feeds. Each answers conditional GETs: a reader sending the last ETag or
 * Last-Modified gets 304 with no body. The signed-in {@code /feed} page (推荐) is another
 * thing and stays where it is.
 */
@Controller
class FeedsController {

	private final Feeds feeds;

	private final Channels channels;

	FeedsController(Feeds feeds, Channels channels) {
		this.feeds = feeds;
		this.channels = channels;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> siteRss(WebRequest request) {
		return answer(feeds.feed(Feeds.Scope.SITE, Feeds.Format.RSS), Feeds.Format.RSS, request);
	}

	@GetMapping("/atom.xml")
	ResponseEntity<byte[]> siteAtom(WebRequest request) {
		return answer(feeds.feed(Feeds.Scope.SITE, Feeds.Format.ATOM), Feeds.Format.ATOM, request);
	}

	@GetMapping("/channels/{slug}/feed.xml")
	ResponseEntity<byte[]> channel(@PathVariable String slug, WebRequest request) {
		Optional<String> merged = channels.mergedInto(slug);
		if (merged.isPresent()) {
			// merged into another channel by an admin: feed readers follow a 301
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/channels/" + merged.get() + "/feed.xml"))
				.build();
		}
		return answer(feeds.feed(new Feeds.Scope("channel", slug), Feeds.Format.RSS), Feeds.Format.RSS, request);
	}

	@GetMapping("/creators/{handle}/feed.xml")
	ResponseEntity<byte[]> creator(@PathVariable String handle, WebRequest request) {
		return answer(feeds.feed(new Feeds.Scope("creator", handle), Feeds.Format.RSS), Feeds.Format.RSS, request);
	}

	@GetMapping("/tags/{tag}/feed.xml")
	ResponseEntity<byte[]> tag(@PathVariable String tag, WebRequest request) {
		return answer(feeds.feed(new Feeds.Scope("tag", tag.strip()), Feeds.Format.RSS), Feeds.Format.RSS, request);
	}

	static ResponseEntity<byte[]> answer(Feeds.Rendered feed, Feeds.Format format, WebRequest request) {
		long lastModified = feed.lastModified() / 1000 * 1000;
		if (request.checkNotModified(feed.etag(), lastModified)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType))
			.cacheControl(CacheControl.maxAge(Feeds.TTL).cachePublic())
			.eTag(feed.etag())
			.lastModified(lastModified)
			.body(feed.body());
	}

}
