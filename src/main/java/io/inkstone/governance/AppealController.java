package io.inkstone.governance;

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

/**
 * {@code /appeals/{id}}: the affected account reads the statement of reasons and may
 * appeal once.
 */
@Controller
class AppealController {

	private final Reports reports;

	private final UiFactory ui;

	AppealController(Reports reports, UiFactory ui) {
		this.reports = reports;
		this.ui = ui;
	}

	private Report mine(long id) {
		Report report = reports.get(id);
		if (report.open() || !reports.affects(report, SignedIn.current().orElseThrow().accountId())) {
			throw new NotFoundException("no such decision");
		}
		return report;
	}

	@GetMapping("/appeals/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("page", new GovernancePages.Appeal(ui.of(request), List.of(), mine(id), null));
		return "governance/appeal";
	}

	@PostMapping("/appeals/{id}")
	String appeal(@PathVariable long id, @RequestParam(name = "text", defaultValue = "") String text,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Report report = mine(id);
		try {
			reports.appeal(id, text, SignedIn.current().orElseThrow());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			model.addAttribute("page",
					new GovernancePages.Appeal(ui.of(request), List.of(), report, ui.of(request).message(ex)));
			return "governance/appeal";
		}
		return "redirect:/appeals/" + id;
	}

}
