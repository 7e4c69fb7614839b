package io.inkstone.studio;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.Articles;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import io.inkstone.audit.AuditLog;

/**
 * {@code /admin/articles/deleted}: articles their creators deleted, restorable as drafts.
 */
@Controller
class AdminArticlesController {

	private final Articles articles;

	private final UiFactory ui;

	private final AuditLog audit;

	AdminArticlesController(Articles articles, UiFactory ui, AuditLog audit) {
		this.audit = audit;
		this.articles = articles;
		this.ui = ui;
	}

	@GetMapping("/admin/articles/deleted")
	String deleted(HttpServletRequest request, Model model) {
		model.addAttribute("page", new StudioPages.Deleted(ui.of(request), List.of(), articles.deleted()));
		return "studio/deleted";
	}

	@PostMapping("/admin/articles/{id}/restore")
	String restore(@PathVariable long id) {
		articles.restore(id);
		audit.record("article.restore", "article", id, null, null);
		return "redirect:/admin/articles/deleted";
	}

}
