package io.inkstone.settings;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.notifications.MailCheck;
import io.inkstone.shared.UserFacingException;
import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The mail server (with a test send), the public address and the logo on
 * {@code /admin/settings} (admins only, see {@code SecurityConfig}; the service checks
 * again). A refused form comes back as a 400 page (413 for a logo too large) with the
 * field's message and nothing stored; a saved one redirects with a message.
 */
@Controller
class AdminSiteIdentityController {

	static final List<String> FLASHES = List.of("mailSaved", "urlSaved", "logoSaved", "logoReset", "identityUnchanged");

	private final SiteIdentityChanges changes;

	private final AdminSettingsController settingsPage;

	AdminSiteIdentityController(SiteIdentityChanges changes, AdminSettingsController settingsPage) {
		this.changes = changes;
		this.settingsPage = settingsPage;
	}

	SiteIdentitySection section(HttpServletRequest request, MailSettingsForm mail, String publicUrl,
			Map<String, String> errors) {
		String flash = FLASHES.stream()
			.filter(f -> request.getParameter(f) != null)
			.findFirst()
			.map(f -> "siteIdentity.done." + f)
			.orElse(null);
		String test = request.getParameter("mailTest");
		if (test != null && Arrays.stream(MailCheck.Result.values()).anyMatch(r -> r.name().equals(test))) {
			flash = "siteIdentity.test." + test;
		}
		MailSettingsForm shown = mail;
		if (shown == null) {
			// a preset fills host, port and security into the form; nothing is stored
			MailSettingsForm stored = changes.currentMail();
			shown = MailSettingsForm.PRESETS.stream()
				.filter(p -> p.id().equals(request.getParameter("mailPreset")))
				.findFirst()
				.map(p -> new MailSettingsForm(p.host(), Integer.toString(p.port()), p.security(), stored.username(),
						"", stored.from(), stored.fromName()))
				.orElse(stored);
		}
		return new SiteIdentitySection(shown, changes.hasPassword(), changes.passwordUnreadable(),
				publicUrl == null ? changes.currentPublicUrl() : publicUrl, changes.configuredPublicUrl(),
				changes.logo().orElse(null), errors, flash, MailSettingsForm.PRESETS,
				SiteIdentityChanges.MAX_LOGO_BYTES / 1024);
	}

	private String refused(HttpServletRequest request, HttpServletResponse response, Model model, int status,
			MailSettingsForm mail, String publicUrl, Map<String, String> errors) {
		response.setStatus(status);
		// the password is never echoed back, not even a refused one
		MailSettingsForm shown = mail == null ? null : new MailSettingsForm(mail.host(), mail.port(), mail.security(),
				mail.username(), "", mail.from(), mail.fromName());
		model.addAttribute("identity", section(request, shown, publicUrl, errors));
		return settingsPage.render(request, model);
	}

	@PostMapping("/admin/settings/mail")
	String saveMail(@Valid MailSettingsForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			changes.check(form).forEach(errors::putIfAbsent);
		}
		if (!errors.isEmpty()) {
			return refused(request, response, model, 400, form, null, errors);
		}
		return changes.save(form).isEmpty() ? "redirect:/admin/settings?identityUnchanged#mail"
				: "redirect:/admin/settings?mailSaved#mail";
	}

	@PostMapping("/admin/settings/mail/test")
	String testMail() {
		return "redirect:/admin/settings?mailTest=" + changes.testMail().name() + "#mail";
	}

	@PostMapping("/admin/settings/public-url")
	String savePublicUrl(@Valid PublicUrlForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			changes.check(form).forEach(errors::putIfAbsent);
		}
		if (!errors.isEmpty()) {
			return refused(request, response, model, 400, null, form.publicUrl(), errors);
		}
		return changes.save(form).isEmpty() ? "redirect:/admin/settings?identityUnchanged#address"
				: "redirect:/admin/settings?urlSaved#address";
	}

	@PostMapping("/admin/settings/logo")
	String uploadLogo(@RequestParam(name = "logo", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Optional<String> refusal = Optional.empty();
		int status = 400;
		if (file == null || file.isEmpty()) {
			refusal = Optional.of("siteIdentity.error.logoMissing");
		}
		else if (file.getSize() > SiteIdentityChanges.MAX_LOGO_BYTES) {
			refusal = Optional.of("siteIdentity.error.logoTooLarge");
			status = 413;
		}
		else {
			try {
				changes.uploadLogo(file.getBytes());
			}
			catch (PayloadTooLargeException ex) {
				refusal = Optional.of("siteIdentity.error.logoTooLarge");
				status = 413;
			}
			catch (UserFacingException ex) {
				// not an image we can read (an SVG, a PDF, a damaged file)
				refusal = Optional.of("siteIdentity.error.logoFormat");
			}
		}
		if (refusal.isPresent()) {
			Map<String, String> errors = new TreeMap<>();
			errors.put("logo", refusal.get());
			return refused(request, response, model, status, null, null, errors);
		}
		return "redirect:/admin/settings?logoSaved#logo";
	}

	@PostMapping("/admin/settings/logo/reset")
	String resetLogo() {
		return changes.resetLogo() ? "redirect:/admin/settings?logoReset#logo"
				: "redirect:/admin/settings?identityUnchanged#logo";
	}

}
