package io.inkstone.api;

import java.net.URI;
import java.util.List;

import io.inkstone.api.ApiViews.CreatorRef;
import io.inkstone.api.ApiViews.MediaView;
import io.inkstone.api.ApiViews.Me;
import io.inkstone.creators.Creator;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/me} (who the token belongs to) and {@code /api/v1/media} (uploads
 * through the media pipeline).
 */
@RestController
@Tag(name = "me", description = "You, and your media")
class MeApiController {

	private final ApiCaller caller;

	private final Media media;

	private final PublicUrl publicUrl;

	private final ApiLinks links;

	MeApiController(ApiCaller caller, Media media, PublicUrl publicUrl, ApiLinks links) {
		this.links = links;
		this.caller = caller;
		this.media = media;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who you are: the account, its creator profile and the token's scopes",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Me> me() {
		SignedIn account = caller.account()
			.orElseThrow(() -> new ForbiddenException("problem.api.authenticationRequired"));
		Creator creator = caller.creatorIfAny().orElse(null);
		var auth = SecurityContextHolder.getContext().getAuthentication();
		List<String> scopes = auth != null && auth.getPrincipal() instanceof TokenPrincipal t
				? List.copyOf(t.token().scopes()) : List.of("read", "write");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Me(Long.toString(account.accountId()), account.displayName(), account.role(),
					creator == null ? null : new CreatorRef(creator.handle(), creator.displayName(),
							publicUrl.absolute("/creators/" + creator.handle())),
					scopes));
	}

	@PostMapping(value = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an image (JPEG, PNG, WebP, GIF) to your library",
			description = "The studio's pipeline: checked by content, re-encoded without EXIF/GPS, resized. alt text is required.",
			security = @SecurityRequirement(name = "bearer"))
	@ApiResponse(responseCode = "201", description = "uploaded; Location names the full-size image")
	@ApiResponse(responseCode = "400", description = "no file, or no alt text")
	@ApiResponse(responseCode = "415", description = "not an image of an accepted type (checked by content)")
	ResponseEntity<MediaView> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "alt", defaultValue = "") String alt,
			@RequestParam(name = "ai", defaultValue = "false") boolean ai) {
		Creator me = caller.writer();
		MediaItem item = media.upload(me.id(), Uploads.bytes(file), alt, ai);
		return ResponseEntity.created(URI.create(links.absolute(item.url())))
			.cacheControl(CacheControl.noStore())
			.body(new MediaView(Long.toString(item.id()), links.absolute(item.url()), item.markdown(),
					links.srcset(item.srcset()), item.width(), item.height()));
	}

}
