package io.inkstone.media;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.BadRequestException;
import io.inkstone.web.FormErrors;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;
import io.inkstone.web.Uploads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /studio/media}: the signed-in creator's image library. Upload works as a plain
 * form (no JavaScript) and as {@code fetch} from the editor (JSON answer). Another
 * creator's media id answers 404.
 */
@Controller
class StudioMediaController {

	/** The refusal about the alt text; every other refusal is about the file. */
	private static final String ALT_REQUIRED = "problem.media.altTextIsRequired";

	private final Media media;

	private final Creators creators;

	private final UiFactory ui;

	private final MediaProperties properties;

	StudioMediaController(Media media, Creators creators, UiFactory ui, MediaProperties properties) {
		this.media = media;
		this.creators = creators;
		this.ui = ui;
		this.properties = properties;
	}

	private Creator me() {
		return creators.signedIn();
	}

	@GetMapping("/studio/media")
	String library(@RequestParam(name = "uploaded", required = false) Long uploaded, Model model) {
		Creator me = me();
		MediaItem just = uploaded == null ? null : media.ownedBy(uploaded, me.id());
		return page(model, me, Map.of(), new MediaUploadForm("", null), just);
	}

	/**
	 * The plain form's upload. The file stays a request parameter beside the form record
	 * (a multipart part, not a field to re-show); a refusal sits on the alt text or the
	 * file it is about.
	 */
	@PostMapping(value = "/studio/media", produces = MediaType.TEXT_HTML_VALUE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, @Valid MediaUploadForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		Creator me = me();
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				MediaItem item = media.upload(me.id(), Uploads.bytes(file), form.alt(), form.declaredAi());
				return "redirect:/studio/media?uploaded=" + item.id();
			}
			catch (BadRequestException ex) {
				errors.put(ALT_REQUIRED.equals(ex.messageKey()) ? "alt" : "file", ui.of(request).message(ex));
			}
		}
		else {
			Ui words = ui.of(request);
			errors.replaceAll((field, key) -> words.t(key));
		}
		response.setStatus(400);
		return page(model, me, errors, form, null);
	}

	/**
	 * The editor's upload button: the same checks, a JSON answer with the Markdown to
	 * insert.
	 */
	@PostMapping(value = "/studio/media", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> uploadJson(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "alt", defaultValue = "") String alt, HttpServletRequest request) {
		Creator me = me();
		try {
			MediaItem item = media.upload(me.id(), Uploads.bytes(file), alt);
			return ResponseEntity.status(201)
				.body(Map.of("id", item.id(), "url", item.url(), "markdown", item.markdown(), "srcset", item.srcset(),
						"thumbnail", item.thumbnailUrl(), "alt", item.alt()));
		}
		catch (BadRequestException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ui.of(request).message(ex)));
		}
	}

	@PostMapping("/studio/media/{id}/delete")
	String delete(@PathVariable long id) {
		media.delete(id, me().id());
		return "redirect:/studio/media?deleted";
	}

	/**
	 * The library; {@code errors} are field → text as shown (a refusal's text carries its
	 * limits).
	 */
	private String page(Model model, Creator me, Map<String, String> errors, MediaUploadForm form, MediaItem uploaded) {
		List<MediaItem> items = media.library(me.id());
		model.addAttribute("page", new MediaPages.Library(items, errors, form.alt(), form.declaredAi(), uploaded,
				properties.maxBytes() / (1024 * 1024) + " MB"));
		return "media/library";
	}

}
