package io.inkstone.creators;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.web.FormErrors;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	private final Channels channels;

	private final UiFactory ui;

	private final Clock clock;

	AdminApplicationsController(CreatorApplications applications, Channels channels, UiFactory ui, Clock clock) {
		this.clock = clock;
		this.applications = applications;
		this.channels = channels;
		this.ui = ui;
	}

	@GetMapping("/admin/applications")
	String queue(@RequestParam(name = "done", required = false) Long done, Model model) {
		// the queue confirms what was decided, from what is stored (a reload, or a second
		// click on a decided application, shows the same)
		CreatorApplication decided = done == null ? null
				: applications.find(done).filter(a -> !a.pending()).orElse(null);
		return page(null, decided, null, model);
	}

	@PostMapping("/admin/applications/{id}/approve")
	String approve(@PathVariable long id) {
		if (applications.find(id).map(CreatorApplication::pending).orElse(true)) {
			applications.approve(id);
		}
		return "redirect:/admin/applications?done=" + id;
	}

	/**
	 * Rejects with a reason; a refused one is said above the queue and at the reason
	 * field of that application's row, which keeps what was typed.
	 */
	@PostMapping("/admin/applications/{id}/reject")
	String reject(@PathVariable long id, @Valid RejectionForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (form.reason().isBlank()) {
			errors.putIfAbsent("reason", RejectionForm.ERROR);
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(ui.of(request).t(errors.get("reason")), null, new CreatorPages.Refused(id, form.reason()),
					model);
		}
		if (applications.find(id).map(CreatorApplication::pending).orElse(true)) {
			applications.reject(id, form.reason());
		}
		return "redirect:/admin/applications?done=" + id;
	}

	private String page(String error, CreatorApplication decided, CreatorPages.Refused refused, Model model) {
		Map<String, String> names = channels.all()
			.stream()
			.collect(Collectors.toMap(Channel::slug, Channel::name, (a, b) -> a));
		model.addAttribute("page",
				new CreatorPages.ReviewPage(applications.pending(), error, decided, clock.millis(), names, refused));
		return "creators/review";
	}

}
