package io.inkstone.accounts;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.EmailForm;
import io.inkstone.accounts.AccountForms.NameForm;
import io.inkstone.accounts.AccountForms.PasswordForm;

import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.UnsupportedMediaException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /account/settings}: the owner's nickname, avatar, password and signed-in
 * devices. Changing the password needs the current one and ends every other session; any
 * session can be ended from here.
 */
@Controller
class AccountSettingsController {

	static final List<String> FLASHES = List.of("nameSaved", "passwordChanged", "sessionEnded", "othersEnded",
			"emailSent", "emailChanged", "avatarSaved");

	private final AccountSettings settings;

	private final AccountSessions sessions;

	private final UiFactory ui;

	private final Avatars avatars;

	private final SecondFactorSignIn signIn;

	private final Clock clock;

	AccountSettingsController(AccountSettings settings, AccountSessions sessions, UiFactory ui, Avatars avatars,
			SecondFactorSignIn signIn, Clock clock) {
		this.clock = clock;
		this.avatars = avatars;
		this.signIn = signIn;
		this.settings = settings;
		this.sessions = sessions;
		this.ui = ui;
	}

	static String device(String ua) {
		if (ua == null || ua.isBlank()) {
			return "?";
		}
		String browser = ua.contains("Edg/") ? "Edge"
				: ua.contains("MicroMessenger") ? Devices.wechat()
						: ua.contains("Firefox/") ? "Firefox" : ua.contains("Chrome/") || ua.contains("Chromium/")
								? "Chrome" : ua.contains("Safari/") ? "Safari" : null;
		String system = ua.contains("Android") ? "Android"
				: ua.contains("iPhone") || ua.contains("iPad") ? "iOS" : ua.contains("Windows") ? "Windows"
						: ua.contains("Mac OS X") ? "macOS" : ua.contains("Linux") ? "Linux" : null;
		if (browser == null && system == null) {
			return ua.length() > 40 ? ua.substring(0, 40) + "…" : ua;
		}
		return (browser == null ? "" : browser) + (browser != null && system != null ? " · " : "")
				+ (system == null ? "" : system);
	}

	private String page(HttpServletRequest request, Model model, Map<String, String> errors, String name) {
		return page(request, model, errors, name, null);
	}

	private String page(HttpServletRequest request, Model model, Map<String, String> errors, String name,
			String newEmail) {
		SignedIn me = SignedIn.current().orElseThrow();
		HttpSession session = request.getSession(false);
		long window = session == null || session.getMaxInactiveInterval() <= 0 ? 30L * 24 * 3600_000
				: session.getMaxInactiveInterval() * 1000L;
		String flash = FLASHES.stream()
			.filter(f -> request.getParameter(f) != null)
			.findFirst()
			.map(f -> "settings.done." + f)
			.orElse(null);
		model.addAttribute("page",
				new AccountPages.SettingsPage(me.email(), name == null ? me.displayName() : name, errors,
						sessions.of(me.accountId(), session == null ? null : session.getId(), clock.millis() - window),
						flash, newEmail));
		return "accounts/settings";
	}

	@GetMapping("/account/settings")
	String settings(HttpServletRequest request, Model model) {
		return page(request, model, Map.of(), null);
	}

	@PostMapping("/account/name")
	String rename(@Valid NameForm form, BindingResult binding, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			errors.putAll(settings.rename(SignedIn.current().orElseThrow().accountId(), form.displayName()));
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, errors, form.displayName());
		}
		return "redirect:/account/settings?nameSaved";
	}

	/**
	 * Any signed-in account's avatar: a wrong type or an unreadable image answers 400, an
	 * image over {@link Avatars#MAX_MEGABYTES} (or too many pixels) 413, each with the
	 * reason beside the field and nothing stored.
	 */
	@PostMapping("/account/avatar")
	String avatar(@RequestParam(name = "avatar", required = false) MultipartFile avatar, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		try {
			avatars.change(SignedIn.current().orElseThrow().accountId(),
					avatar == null || avatar.isEmpty() ? new byte[0] : avatar.getBytes());
		}
		catch (PayloadTooLargeException ex) {
			response.setStatus(413);
			// the errors map holds message keys; a text that is no key is shown as it is
			return page(request, model, Map.of("avatar", ui.of(request).message(ex)), null);
		}
		catch (BadRequestException | UnsupportedMediaException ex) {
			response.setStatus(400);
			return page(request, model, Map.of("avatar", ui.of(request).message(ex)), null);
		}
		return "redirect:/account/settings?avatarSaved";
	}

	@PostMapping("/account/password")
	String changePassword(@Valid PasswordForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			errors.putAll(settings.changePassword(SignedIn.current().orElseThrow().accountId(), form.current(),
					form.password(), session == null ? null : session.getId()));
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, errors, null);
		}
		return "redirect:/account/settings?passwordChanged";
	}

	@PostMapping("/account/sessions/{id}/end")
	String end(@PathVariable long id) {
		if (!sessions.end(SignedIn.current().orElseThrow().accountId(), id, clock.millis())) {
			throw new NotFoundException("no such session");
		}
		return "redirect:/account/settings?sessionEnded";
	}

	@PostMapping("/account/sessions/end-others")
	String endOthers(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		sessions.endOthers(SignedIn.current().orElseThrow().accountId(), session == null ? null : session.getId(),
				clock.millis());
		// every "remember me" cookie issued before now is refused: this browser keeps its
		// own with a new one
		signIn.renewRememberMe(request, response);
		return "redirect:/account/settings?othersEnded";
	}

	@PostMapping("/account/email")
	String changeEmail(@Valid EmailForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		AccountSettings.EmailChange change = errors.isEmpty() ? settings
			.requestEmailChange(SignedIn.current().orElseThrow().accountId(), form.email(), form.password()) : null;
		if (change != null) {
			errors.putAll(change.errors());
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, errors, null, form.email());
		}
		return change.mailed() ? "redirect:/account/settings?emailSent" : "redirect:/account/settings?emailChanged";
	}

	/**
	 * The mailed link: a page with a button (mail scanners that open links change
	 * nothing).
	 */
	@GetMapping("/account/email/confirm")
	String confirmEmailPage(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
		String email = settings.pendingEmail(SignedIn.current().orElseThrow().accountId(), token)
			.orElseThrow(() -> new BadRequestException("problem.accounts.theLinkIsNotValidOr"));
		model.addAttribute("page", new AccountPages.EmailConfirm(token, email));
		return "accounts/email-confirm";
	}

	@PostMapping("/account/email/confirm")
	String confirmEmail(@RequestParam(name = "token", defaultValue = "") String token) {
		if (!settings.confirmEmailChange(SignedIn.current().orElseThrow().accountId(), token)) {
			throw new BadRequestException("problem.accounts.theLinkIsNotValidOr");
		}
		return "redirect:/account/settings?emailChanged";
	}

}
