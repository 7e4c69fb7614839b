package io.inkstone.rules;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
		model.addAttribute("page", new RulesPages.Edit(current, current.title(), current.bodyMarkdown(), "", null));
		return "rules/edit";
	}

	@PostMapping("/admin/rules/{slug}")
	String publish(@PathVariable String slug, @RequestParam(name = "title", defaultValue = "") String title,
			@RequestParam(name = "body", defaultValue = "") String body,
			@RequestParam(name = "note", defaultValue = "") String note, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		RulesPage current = rules.latest(slug).orElseThrow(() -> new NotFoundException("no rules page " + slug));
		try {
			RulesPage published = rules.publish(slug, title, body, note, SignedIn.current().orElseThrow());
			return "redirect:/rules/" + slug + "/v/" + published.version();
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			model.addAttribute("page", new RulesPages.Edit(current, title, body, note, ui.of(request).message(ex)));
			return "rules/edit";
		}
	}

}
