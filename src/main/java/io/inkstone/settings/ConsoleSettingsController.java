package io.inkstone.settings;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The operators' forms of {@code /admin/settings} (admins only, see
 * {@code SecurityConfig}): the compliance duties and the channel merge. A refused form
 * comes back as a 400 page with the field's message and nothing is stored; a merge first
 * answers with what it will do and a button to confirm it.
 */
@Controller
class ConsoleSettingsController {

	private final ConsoleSettings console;

	private final AdminSettingsController settings;

	ConsoleSettingsController(ConsoleSettings console, AdminSettingsController settings) {
		this.console = console;
		this.settings = settings;
	}

	@PostMapping("/admin/settings/duties")
	String saveDuties(@Valid DutyOverridesForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return settings.page(request, model, errors, new ConsolePart(console.duties(form), null, null));
		}
		return console.save(form).isEmpty() ? "redirect:/admin/settings?unchanged#duties"
				: "redirect:/admin/settings?dutiesSaved#duties";
	}

	@PostMapping("/admin/settings/channels/merge")
	String merge(@Valid ChannelMergeForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			errors.putAll(console.check(form));
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return settings.page(request, model, errors, new ConsolePart(console.duties(null), form, null));
		}
		if (!form.confirmed()) {
			return settings.page(request, model, Map.of(),
					new ConsolePart(console.duties(null), form, console.preview(form)));
		}
		console.merge(form);
		return "redirect:/admin/settings?merged#merge";
	}

}
