package io.inkstone.studio;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.Articles;
import io.inkstone.articles.DraftRules;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.web.RateLimiter;
import io.inkstone.web.UiFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /studio/preview}: the editor's side-by-side preview. The Markdown is
 * rendered by the same renderer and sanitizer the article page uses
 * ({@link Articles#renderBody}), so what the creator sees beside the text is what readers
 * will see; nothing is stored. Only for a signed-in creator (the {@code /studio/**} rule
 * and {@link Creators#signedIn()}), CSRF-protected like every POST, limited to the
 * editor's body size and to {@value #RENDERS_PER_MINUTE} renders a minute.
 */
@RestController
class StudioPreviewController {

	/**
	 * The editor asks after each pause in typing (about half a second): a person stays
	 * far below this, a script hammering the renderer does not.
	 */
	static final int RENDERS_PER_MINUTE = 120;

	private final Articles articles;

	private final Creators creators;

	private final RateLimiter limits;

	private final UiFactory ui;

	StudioPreviewController(Articles articles, Creators creators, RateLimiter limits, UiFactory ui) {
		this.articles = articles;
		this.creators = creators;
		this.limits = limits;
		this.ui = ui;
	}

	@PostMapping(value = "/studio/preview", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> render(@RequestParam(name = "body", defaultValue = "") String body,
			HttpServletRequest request) {
		Creator me = creators.signedIn();
		if (body.length() > DraftRules.MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Map.of("error", ui.of(request).t("studio.livePreview.tooLong", DraftRules.MAX_BODY)));
		}
		long wait = limits.tryAcquire("studio-preview:" + me.id(), RENDERS_PER_MINUTE, Duration.ofMinutes(1));
		if (wait > 0) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", Long.toString(wait))
				.body(Map.of("error", ui.of(request).t("studio.livePreview.busy")));
		}
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(Map.of("html", body.isBlank() ? "" : articles.renderBody(body)));
	}

}
