package io.inkstone.creators;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/applications}: reviewers approve or reject 申请入驻 applications (reason
 * required to reject).
 */
@Controller
class AdminApplicationsController {

	private final CreatorApplications applications;

	private final UiFactory ui;

	AdminApplicationsController(CreatorApplications applications, UiFactory ui) {
		this.applications = applications;
		this.ui = ui;
	}

	@GetMapping("/admin/applications")
	String queue(Model model) {
		model.addAttribute("page", new CreatorPages.ReviewPage(applications.pending(), null));
		return "creators/review";
	}

	@PostMapping("/admin/applications/{id}/approve")
	String approve(@PathVariable long id) {
		applications.approve(id);
		return "redirect:/admin/applications";
	}

	@PostMapping("/admin/applications/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (reason.isBlank() || reason.length() > 500) {
			response.setStatus(400);
			model.addAttribute("page",
					new CreatorPages.ReviewPage(applications.pending(), ui.of(request).t("review.error.reason")));
			return "creators/review";
		}
		applications.reject(id, reason);
		return "redirect:/admin/applications";
	}

}
