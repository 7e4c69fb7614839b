package io.inkstone.discovery;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.articles.Articles;

/**
 * {@code /admin/hot}: the live hot list with pin / remove / demote (reason required) and
 * the active interventions.
 */
@Controller
class AdminHotController {

	private final HotList hot;

	private final HotOverrides overrides;

	private final ArticleCards cards;

	private final Articles articles;

	private final UiFactory ui;

	AdminHotController(HotList hot, HotOverrides overrides, ArticleCards cards, Articles articles, UiFactory ui) {
		this.hot = hot;
		this.overrides = overrides;
		this.cards = cards;
		this.articles = articles;
		this.ui = ui;
	}

	@GetMapping("/admin/hot")
	String page(HttpServletRequest request, Model model) {
		return page(request, model, null);
	}

	@PostMapping("/admin/hot/{articleId}")
	String act(@PathVariable long articleId, @RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "reason", defaultValue = "") String reason, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			if ("clear".equals(action)) {
				overrides.clear(articleId, reason);
			}
			else {
				articles.getPublished(articleId);
				overrides.apply(articleId, action, reason, SignedIn.current().orElseThrow());
			}
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(request, model, ui.of(request).message(ex));
		}
		hot.refresh();
		return "redirect:/admin/hot";
	}

	private String page(HttpServletRequest request, Model model, String error) {
		List<HotAdminPage.Intervention> active = overrides.active()
			.stream()
			.map(o -> new HotAdminPage.Intervention(o,
					articles.find(o.articleId()).map(a -> a.title()).orElse("#" + o.articleId())))
			.toList();
		model.addAttribute("page", new HotAdminPage(hot.site(20), active, error));
		return "discovery/hot-admin";
	}

}
