package io.inkstone.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.web.util.UriUtils;

/**
 * {@code /pages/**} for everyone; {@code /admin/pages/**} for admins (the security rule
 * is in the web module).
 */
@Controller
class StaticPageController {

	private final StaticPages pages;

	private final UiFactory ui;

	StaticPageController(StaticPages pages, UiFactory ui) {
		this.pages = pages;
		this.ui = ui;
	}

	@GetMapping("/pages/**")
	String show(HttpServletRequest request, Model model) {
		String path = UriUtils.decode(
				request.getRequestURI().substring(request.getContextPath().length() + "/pages/".length()),
				StandardCharsets.UTF_8);
		String normalized = StaticPages.normalizePath(path);
		StaticPage page = (StaticPages.isValidPath(normalized) ? pages.find(normalized) : Optional.<StaticPage>empty())
			.orElseThrow(() -> new NotFoundException("problem.pages.noSuchPage"));
		model.addAttribute("page", new PagePages.Show(page));
		return "pages/show";
	}

	@GetMapping("/admin/pages")
	String index(Model model) {
		model.addAttribute("page", new PagePages.Index(pages.all()));
		return "pages/index";
	}

	@GetMapping("/admin/pages/new")
	String create(Model model) {
		model.addAttribute("page", new PagePages.Edit(null, "", "", "", "", List.of(), null, Map.of()));
		return "pages/edit";
	}

	@GetMapping("/admin/pages/{id}")
	String edit(@PathVariable long id, Model model) {
		StaticPage page = pages.get(id);
		model.addAttribute("page",
				new PagePages.Edit(page.id(), page.path(), page.title(), page.bodyMarkdown(),
						page.footerPosition() == null ? "" : page.footerPosition().toString(), pages.revisions(id),
						null, Map.of()));
		return "pages/edit";
	}

	@PostMapping("/admin/pages")
	String saveNew(@Valid PageForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return save(null, form, binding, request, response, model);
	}

	@PostMapping("/admin/pages/{id}")
	String saveExisting(@PathVariable long id, @Valid PageForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		pages.get(id); // 404 for an unknown page
		return save(id, form, binding, request, response, model);
	}

	/**
	 * Saves; a refusal is said above the form and again at the field it is about, which
	 * names it; the form shows what was posted.
	 */
	private String save(Long id, PageForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Ui words = ui.of(request);
		Map<String, String> errors = FormErrors.inWords(binding, words);
		String said = errors.isEmpty() ? null : errors.values().iterator().next();
		if (errors.isEmpty()) {
			try {
				StaticPage saved = pages.save(id, form.path(), form.title(), form.body(), form.position(),
						SignedIn.current().map(SignedIn::accountId).orElse(null));
				return "redirect:/admin/pages/" + saved.id() + "?saved";
			}
			catch (BadRequestException ex) {
				said = FormErrors.refusal(ex, words, form::fieldOf, errors);
			}
		}
		response.setStatus(400);
		model.addAttribute("page", new PagePages.Edit(id, form.path(), form.title(), form.body(), form.footer(),
				id == null ? List.of() : pages.revisions(id), said, errors));
		return "pages/edit";
	}

}
