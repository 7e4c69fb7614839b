package io.inkstone.discovery;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Articles;
import io.inkstone.shared.BadRequestException;
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
	String page(Model model) {
		return show(model, null, null);
	}

	/**
	 * Pins, demotes, removes or clears; a refusal is said above the lists and again at
	 * the field it is about in that article's row, which keeps what was posted.
	 */
	@PostMapping("/admin/hot/{articleId}")
	String act(@PathVariable long articleId, @Valid HotForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Ui words = ui.of(request);
		Map<String, String> errors = FormErrors.inWords(binding, words);
		String said = errors.isEmpty() ? null : errors.values().iterator().next();
		if (errors.isEmpty()) {
			try {
				if (form.clears()) {
					overrides.clear(articleId, form.reason());
				}
				else {
					articles.getPublished(articleId);
					overrides.apply(articleId, form.action(), form.reason(), SignedIn.current().orElseThrow());
				}
				hot.refresh();
				return "redirect:/admin/hot";
			}
			catch (BadRequestException ex) {
				said = FormErrors.refusal(ex, words, form::fieldOf, errors);
			}
		}
		response.setStatus(400);
		return show(model, said,
				new HotAdminPage.Refused(articleId, form.clears(), form.action(), form.reason(), errors));
	}

	private String show(Model model, String error, HotAdminPage.Refused refused) {
		List<HotAdminPage.Intervention> active = overrides.active()
			.stream()
			.map(o -> new HotAdminPage.Intervention(o,
					articles.find(o.articleId()).map(a -> a.title()).orElse("#" + o.articleId())))
			.toList();
		model.addAttribute("page", new HotAdminPage(hot.site(20), active, error, refused));
		return "discovery/hot-admin";
	}

}
