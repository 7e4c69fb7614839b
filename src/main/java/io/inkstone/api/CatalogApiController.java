package io.inkstone.api;

import java.time.Duration;
import java.util.List;

import io.inkstone.api.ApiViews.ChannelView;
import io.inkstone.api.ApiViews.CreatorView;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.PublicUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/channels} and {@code /api/v1/creators/{handle}}: the public catalogue.
 */
@RestController
@Tag(name = "catalogue", description = "Channels and creators")
class CatalogApiController {

	private final Channels channels;

	private final Creators creators;

	private final Articles articles;

	private final PublicUrl publicUrl;

	private final ApiLinks links;

	CatalogApiController(Channels channels, Creators creators, Articles articles, PublicUrl publicUrl, ApiLinks links) {
		this.links = links;
		this.channels = channels;
		this.creators = creators;
		this.articles = articles;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api/v1/channels")
	@Operation(summary = "The channels, in the site's order")
	ResponseEntity<List<ChannelView>> channels() {
		List<ChannelView> all = channels.all()
			.stream()
			.map(c -> new ChannelView(c.slug(), c.name(), publicUrl.absolute("/channels/" + c.slug())))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(all);
	}

	@GetMapping("/api/v1/creators/{handle}")
	@Operation(summary = "A creator's public profile")
	ResponseEntity<CreatorView> creator(@PathVariable String handle) {
		Creator c = creators.get(handle);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
			.body(new CreatorView(c.handle(), c.displayName(), c.tagline(), links.absolute(c.avatarUrl()),
					c.accountType(), c.verified(), c.region(), articles.countByCreator(c.id()),
					publicUrl.absolute("/creators/" + c.handle())));
	}

}
