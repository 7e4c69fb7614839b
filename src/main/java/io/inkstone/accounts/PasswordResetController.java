package io.inkstone.accounts;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.ForgotForm;
import io.inkstone.accounts.AccountForms.ResetForm;
import io.inkstone.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /password/forgot} and {@code /password/reset}: resetting a forgotten password by
 * e-mail.
 */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/password/forgot")
	String forgotForm(@RequestParam(name = "sent", required = false) String sent, Model model) {
		model.addAttribute("page", new AccountPages.FormPage(sent != null ? "sent" : "forgot", "", "",
				resets.mailConfigured() ? Map.of() : Map.of("email", "password.noMail"), false));
		return "accounts/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid ForgotForm form, BindingResult binding) {
		resets.request(form.email());
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response,
			Model model) {
		boolean valid = resets.accountFor(token).isPresent();
		if (!valid) {
			response.setStatus(400);
		}
		model.addAttribute("page", new AccountPages.FormPage(valid ? "reset" : "invalid", token, "", Map.of(), false));
		return "accounts/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid ResetForm form, BindingResult binding, HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (!Accounts.acceptablePassword(form.password())) {
			errors.putIfAbsent("password", "accounts.error.password");
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("page", new AccountPages.FormPage("reset", form.token(), "", errors, false));
			return "accounts/reset";
		}
		if (!resets.reset(form.token(), form.password())) {
			response.setStatus(400);
			model.addAttribute("page", new AccountPages.FormPage("invalid", form.token(), "", Map.of(), false));
			return "accounts/reset";
		}
		return "redirect:/login?reset";
	}

}
