package io.inkstone.site;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /join} (申请入驻): what the platform offers creators and how to apply. The application form
 * itself arrives with accounts (the creators issue); until then the page says so plainly.
 */
@Controller
class JoinController {

	private final SiteParts parts;

	private final UiFactory ui;

	JoinController(SiteParts parts, UiFactory ui) {
		this.parts = parts;
		this.ui = ui;
	}

	@GetMapping("/join")
	String join(HttpServletRequest request, Model model) {
		model.addAttribute("page", new Pages.JoinPage(ui.of(request), parts.nav()));
		return "join";
	}

}
