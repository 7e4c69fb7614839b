package io.inkstone.discovery;

import java.util.Map;

import io.inkstone.audit.AuditLog;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /admin/search} (admins): rebuild this node's search index from the database,
 * with a live progress bar (percent, rate, ETA; the page refreshes itself without
 * JavaScript, and {@code progress.json} serves scripts). Searches keep answering from
 * what is already rebuilt.
 */
@Controller
@Profile("!import")
class AdminSearchController {

	private final IndexFeeder feeder;

	private final AuditLog audit;

	AdminSearchController(IndexFeeder feeder, AuditLog audit) {
		this.feeder = feeder;
		this.audit = audit;
	}

	@GetMapping("/admin/search")
	String page(Model model) {
		IndexFeeder.Progress p = feeder.progress();
		model.addAttribute("page", new SearchAdminPage(p.running(), p.done(), p.total(), p.perSecond(), p.etaSeconds(),
				p.percent(), p.documents()));
		return "discovery/search-admin";
	}

	@GetMapping(value = "/admin/search/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> progress() {
		IndexFeeder.Progress p = feeder.progress();
		return Map.of("running", p.running(), "done", p.done(), "total", p.total(), "perSecond", p.perSecond(),
				"etaSeconds", p.etaSeconds(), "percent", p.percent(), "documents", p.documents());
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild() {
		feeder.requestRebuild();
		audit.record("settings.search-rebuild", "search-index", null, null, null);
		return "redirect:/admin/search";
	}

}
