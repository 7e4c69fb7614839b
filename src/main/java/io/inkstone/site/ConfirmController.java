package io.inkstone.site;

import java.util.regex.Matcher;

import io.inkstone.shared.NotFoundException;
import io.inkstone.web.SharedPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /confirm}: where a like, share or follow sent without JavaScript from a shared
 * page (which carries no CSRF token) lands — the same button again, now with a token.
 * Only the reader actions of shared pages are offered.
 */
@Controller
class ConfirmController {

	ConfirmController() {
	}

	@GetMapping("/confirm")
	String confirm(@RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "back", defaultValue = "") String back, Model model) {
		Matcher matcher = SharedPage.READER_ACTIONS.matcher(action);
		if (!matcher.matches()) {
			throw new NotFoundException("problem.site.noSuchAction");
		}
		String kind = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		String safeBack = Pages.isLocalPath(back) ? back : "";
		model.addAttribute("page", new Pages.ConfirmPage(action, kind, safeBack));
		return "confirm";
	}

}
