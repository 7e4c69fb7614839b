package io.inkstone.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.accounts.Avatars;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /studio/profile}: the creator's tagline and avatar. The avatar is the account's
 * ({@link Avatars}, the same path as the account settings): the media pipeline's type,
 * size and pixel checks, EXIF removed, and the card shows its 480-pixel rendition.
 */
@Controller
class StudioProfileController {

	static final int MAX_TAGLINE = 60;

	private final Avatars avatars;

	private final Creators creators;

	private final UiFactory ui;

	StudioProfileController(Avatars avatars, Creators creators, UiFactory ui) {
		this.avatars = avatars;
		this.creators = creators;
		this.ui = ui;
	}

	private Creator me() {
		return creators.signedIn();
	}

	@GetMapping("/studio/profile")
	String profile(Model model) {
		Creator me = me();
		model.addAttribute("page",
				new MediaPages.Profile(me, me.tagline() == null ? "" : me.tagline(), null, Map.of()));
		return "media/profile";
	}

	/**
	 * Saves the tagline and, when one is chosen, the avatar. A refusal is said above the
	 * form and again at the field it is about (the tagline, the avatar), which names it;
	 * the tagline stays as typed.
	 */
	@PostMapping("/studio/profile")
	String save(@RequestParam(name = "avatar", required = false) MultipartFile avatar, @Valid ProfileForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		Creator me = me();
		Map<String, String> errors = FormErrors.of(binding);
		if (form.tagline().strip().length() > MAX_TAGLINE) {
			errors.putIfAbsent("tagline", "profile.error.tagline");
		}
		if (!errors.isEmpty()) {
			Ui words = ui.of(request);
			errors.replaceAll((field, key) -> words.t(key));
			return refused(me, form, errors, response, model);
		}
		String avatarUrl = me.avatarUrl();
		if (avatar != null && !avatar.isEmpty()) {
			// one avatar per person: the account's, which the creator card follows
			try {
				avatarUrl = avatars.change(SignedIn.current().orElseThrow().accountId(), avatar.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (BadRequestException ex) {
				return refused(me, form, Map.of("avatar", ui.of(request).message(ex)), response, model);
			}
		}
		creators.updateProfile(me.id(), form.tagline(), avatarUrl);
		return "redirect:/studio/profile?saved";
	}

	/** The form again with status 400; {@code errors} are field → text as shown. */
	private String refused(Creator me, ProfileForm form, Map<String, String> errors, HttpServletResponse response,
			Model model) {
		response.setStatus(400);
		// one refusal at a time: said above the form and at its field
		String said = errors.values().iterator().next();
		model.addAttribute("page", new MediaPages.Profile(me, form.tagline(), said, errors));
		return "media/profile";
	}

}
