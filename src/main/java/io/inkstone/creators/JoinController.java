package io.inkstone.creators;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.channels.Channels;
import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.UnsupportedMediaException;
import io.inkstone.shared.UserFacingException;
import io.inkstone.web.FormErrors;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.accounts.EmailVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /join} (申请入驻): what creators get, the application form and the applicant's
 * history. An avatar that is refused (over the avatar limit: 413; not an image: 415)
 * brings the form back as it was typed, with the refusal next to the avatar field; the
 * application is not written.
 */
@Controller
class JoinController {

	private final CreatorApplications applications;

	private final Creators creators;

	private final Channels channels;

	private final EmailVerification verification;

	private final UiFactory ui;

	JoinController(CreatorApplications applications, Creators creators, Channels channels,
			EmailVerification verification, UiFactory ui) {
		this.verification = verification;
		this.ui = ui;
		this.applications = applications;
		this.creators = creators;
		this.channels = channels;
	}

	@GetMapping("/join")
	String join(HttpServletRequest request, Model model) {
		return page(request, model, CreatorApplications.Form.empty(), Map.of());
	}

	@PostMapping("/join")
	String apply(@Valid JoinForm posted, BindingResult binding,
			@RequestParam(name = "avatar", required = false) MultipartFile avatar, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignedIn account = SignedIn.current().orElseThrow();
		CreatorApplications.Form form = posted.application();
		// a value that would not even bind (an agreement that is no yes or no), else
		// every rule of the service's one check
		Map<String, String> errors = FormErrors.of(binding);
		try {
			if (errors.isEmpty()) {
				errors.putAll(verification.required() && !verification.verified(account.accountId())
						? Map.of("form", "join.error.unverified")
						: applications.apply(account.accountId(), form, bytes(avatar)));
			}
		}
		catch (PayloadTooLargeException | UnsupportedMediaException refused) {
			// only the avatar is a file: its refusal, in the reader's language, with
			// the limit it names
			response.setStatus(refused instanceof PayloadTooLargeException ? 413 : 415);
			return page(request, model, form, Map.of("avatar", refusal(request, refused)));
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, form, errors);
		}
		return "redirect:/join?applied";
	}

	private String refusal(HttpServletRequest request, UserFacingException refused) {
		String message = ui.of(request).message(refused);
		return message != null ? message
				: refused instanceof PayloadTooLargeException ? "error.413.message" : "error.415.message";
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file == null || file.isEmpty() ? null : file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String page(HttpServletRequest request, Model model, CreatorApplications.Form form,
			Map<String, String> errors) {
		var current = SignedIn.current();
		List<CreatorApplication> history = current.map(a -> applications.of(a.accountId())).orElse(List.of());
		boolean creator = current.flatMap(a -> creators.ofAccount(a.accountId())).isPresent();
		model.addAttribute("page", new CreatorPages.JoinPage(channels.all(), form, errors, history, creator));
		return "creators/join";
	}

}
