package io.inkstone.rules;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /rules/**} for everyone (every version stays readable); {@code /admin/rules/**}
 * for admins to publish versions.
 */
@Controller
class RulesController {

	private final Rules rules;

	private final UiFactory ui;

	RulesController(Rules rules, UiFactory ui) {
		this.rules = rules;
		this.ui = ui;
	}

	@GetMapping("/rules")
	String index(Model model) {
		model.addAttribute("page", new RulesPages.Index(rules.all()));
		return "rules/index";
	}

	@GetMapping("/rules/{slug}")
	String latest(@PathVariable String slug, Model model) {
		RulesPage page = rules.latest(slug).orElseThrow(() -> new NotFoundException("no rules page " + slug));
		model.addAttribute("page", new RulesPages.Show(page, rules.versions(slug), true));
		return "rules/show";
	}

	@GetMapping("/rules/{slug}/v/{version}")
	String version(@PathVariable String slug, @PathVariable int version, Model model) {
		RulesPage page = rules.version(slug, version);
		model.addAttribute("page",
				new RulesPages.Show(page, rules.versions(slug), page.version() == rules.latestVersion(slug)));
		return "rules/show";
	}

	@GetMapping("/admin/rules/{slug}")
	String edit(@PathVariable String slug, Model model) {
		RulesPage current = rules.latest(slug).orElseThrow(() -> new NotFoundException("no rules page " + slug));
		model.addAttribute("page",
				new RulesPages.Edit(current, current.title(), current.bodyMarkdown(), "", null, Map.of()));
		return "rules/edit";
	}

	/**
	 * Publishes a new version; a refusal is said above the form and again at the field it
	 * is about, which names it; the form shows what was posted.
	 */
	@PostMapping("/admin/rules/{slug}")
	String publish(@PathVariable String slug, @Valid RulesForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		RulesPage current = rules.latest(slug).orElseThrow(() -> new NotFoundException("no rules page " + slug));
		Ui words = ui.of(request);
		Map<String, String> errors = FormErrors.inWords(binding, words);
		String said = errors.isEmpty() ? null : errors.values().iterator().next();
		if (errors.isEmpty()) {
			try {
				RulesPage published = rules.publish(slug, form.title(), form.body(), form.note(),
						SignedIn.current().orElseThrow());
				return "redirect:/rules/" + slug + "/v/" + published.version();
			}
			catch (BadRequestException ex) {
				said = FormErrors.refusal(ex, words, form::fieldOf, errors);
			}
		}
		response.setStatus(400);
		model.addAttribute("page", new RulesPages.Edit(current, form.title(), form.body(), form.note(), said, errors));
		return "rules/edit";
	}

}
