package io.inkstone.media;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.accounts.Avatars;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
		model.addAttribute("page", new MediaPages.Profile(me, me.tagline() == null ? "" : me.tagline(), null));
		return "media/profile";
	}

	@PostMapping("/studio/profile")
	String save(@RequestParam(name = "avatar", required = false) MultipartFile avatar,
			@RequestParam(name = "tagline", defaultValue = "") String tagline, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Creator me = me();
		if (tagline.strip().length() > MAX_TAGLINE) {
			response.setStatus(400);
			model.addAttribute("page", new MediaPages.Profile(me, tagline, ui.of(request).t("profile.error.tagline")));
			return "media/profile";
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
				response.setStatus(400);
				model.addAttribute("page", new MediaPages.Profile(me, tagline, ui.of(request).message(ex)));
				return "media/profile";
			}
		}
		creators.updateProfile(me.id(), tagline, avatarUrl);
		return "redirect:/studio/profile?saved";
	}

}
