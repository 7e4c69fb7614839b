package io.inkstone.settings;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.governance.ModerationAction;
import io.inkstone.governance.StatementTemplates;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin/settings/statements} (admins only, see {@code SecurityConfig}): the
 * statement-of-reasons template of each action, in Chinese and English, edited and reset
 * to the bundle's text. A refused form comes back as a 400 page with the field's message
 * and the text as posted, and nothing is stored; the next decision uses a saved template
 * on every node, since a decision reads the stored row.
 */
@Controller
class AdminStatementsController {

	static final List<String> FLASHES = List.of("saved", "reset", "unchanged");

	private final StatementChanges changes;

	private final UiFactory ui;

	AdminStatementsController(StatementChanges changes, UiFactory ui) {
		this.changes = changes;
		this.ui = ui;
	}

	@GetMapping("/admin/settings/statements")
	String page(HttpServletRequest request, Model model) {
		return page(request, model, null, Map.of(), Map.of());
	}

	@PostMapping("/admin/settings/statements/{action}")
	String save(@PathVariable String action, @Valid StatementTemplateForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		ModerationAction kind = kind(action);
		Map<String, String> posted = form.byLanguage();
		Map<String, String> errors = StatementChanges.check(kind, posted);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, kind, posted, errors);
		}
		String flash = changes.save(kind, posted).isEmpty() ? "unchanged" : "saved";
		return "redirect:/admin/settings/statements?" + flash + "=" + kind.code() + "#" + kind.code();
	}

	@PostMapping("/admin/settings/statements/{action}/reset")
	String reset(@PathVariable String action) {
		ModerationAction kind = kind(action);
		String flash = changes.reset(kind).isEmpty() ? "unchanged" : "reset";
		return "redirect:/admin/settings/statements?" + flash + "=" + kind.code() + "#" + kind.code();
	}

	private static ModerationAction kind(String code) {
		return StatementChanges.action(code).orElseThrow(() -> new NotFoundException("no template " + code));
	}

	private String page(HttpServletRequest request, Model model, ModerationAction refused, Map<String, String> posted,
			Map<String, String> errors) {
		String flash = null;
		String flashAction = null;
		for (String f : FLASHES) {
			String value = request.getParameter(f);
			if (value != null && StatementChanges.action(value).isPresent()) {
				flash = "statements.done." + f;
				flashAction = value;
				break;
			}
		}
		List<StatementsPage.Row> rows = changes.rows()
			.stream()
			.map(r -> refused != null && r.action().equals(refused.code())
					? new StatementsPage.Row(r.action(), posted.get("zh"), posted.get("en"), r.zhEdited(), r.enEdited())
					: r)
			.toList();
		model.addAttribute("page", new StatementsPage(rows, errors, flash, flashAction, StatementTemplates.MAX_LENGTH));
		return "settings/statements";
	}

}
