package io.inkstone.pages;

import java.util.List;

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
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
		model.addAttribute("page", new PagePages.Edit(null, "", "", "", "", List.of(), null));
		return "pages/edit";
	}

	@GetMapping("/admin/pages/{id}")
	String edit(@PathVariable long id, Model model) {
		StaticPage page = pages.get(id);
		model.addAttribute("page", new PagePages.Edit(page.id(), page.path(), page.title(), page.bodyMarkdown(),
				page.footerPosition() == null ? "" : page.footerPosition().toString(), pages.revisions(id), null));
		return "pages/edit";
	}

	@PostMapping("/admin/pages")
	String saveNew(@RequestParam(name = "path", defaultValue = "") String path,
			@RequestParam(name = "title", defaultValue = "") String title,
			@RequestParam(name = "body", defaultValue = "") String body,
			@RequestParam(name = "footer", defaultValue = "") String footer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return save(null, path, title, body, footer, request, response, model);
	}

	@PostMapping("/admin/pages/{id}")
	String saveExisting(@PathVariable long id, @RequestParam(name = "path", defaultValue = "") String path,
			@RequestParam(name = "title", defaultValue = "") String title,
			@RequestParam(name = "body", defaultValue = "") String body,
			@RequestParam(name = "footer", defaultValue = "") String footer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		pages.get(id); // 404 for an unknown page
		return save(id, path, title, body, footer, request, response, model);
	}

	private String save(Long id, String path, String title, String body, String footer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Integer position;
			try {
				position = footer.isBlank() ? null : Integer.valueOf(footer.strip());
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("problem.pages.theFooterPositionMustBeA");
			}
			StaticPage saved = pages.save(id, path, title, body, position,
					SignedIn.current().map(SignedIn::accountId).orElse(null));
			return "redirect:/admin/pages/" + saved.id() + "?saved";
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			model.addAttribute("page", new PagePages.Edit(id, path, title, body, footer,
					id == null ? List.of() : pages.revisions(id), ui.of(request).message(ex)));
			return "pages/edit";
		}
	}

}
