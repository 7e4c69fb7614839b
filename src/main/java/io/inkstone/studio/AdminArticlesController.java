package io.inkstone.studio;

import io.inkstone.articles.Articles;

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

	private final AuditLog audit;

	AdminArticlesController(Articles articles, AuditLog audit) {
		this.audit = audit;
		this.articles = articles;
	}

	@GetMapping("/admin/articles/deleted")
	String deleted(Model model) {
		model.addAttribute("page", new StudioPages.Deleted(articles.deleted()));
		return "studio/deleted";
	}

	@PostMapping("/admin/articles/{id}/restore")
	String restore(@PathVariable long id) {
		articles.restore(id);
		audit.record("article.restore", "article", id, null, null);
		return "redirect:/admin/articles/deleted";
	}

}
