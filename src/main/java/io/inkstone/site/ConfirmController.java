package io.inkstone.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.engagement.Comments;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.ReaderKey;
import io.inkstone.web.SharedPage;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /confirm}: where a like, share or follow sent without JavaScript from a shared
 * page (which carries no CSRF token) lands — the same button again, now with a token.
 * Only the reader actions of shared pages are offered. A like says what it will do for
 * this reader (like, or take the like back) and carries that intent, so submitting it
 * twice does not undo it.
 */
@Controller
class ConfirmController {

	private static final Pattern ARTICLE_ID = Pattern.compile("/articles/([0-9]{1,18})/like");

	private final Comments comments;

	ConfirmController(Comments comments) {
		this.comments = comments;
	}

	@GetMapping("/confirm")
	String confirm(@RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "back", defaultValue = "") String back, HttpServletRequest request, Model model) {
		Matcher matcher = SharedPage.READER_ACTIONS.matcher(action);
		if (!matcher.matches()) {
			throw new NotFoundException("problem.site.noSuchAction");
		}
		String kind = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		String safeBack = Pages.isLocalPath(back) ? back : "";
		Boolean like = null;
		Matcher article = ARTICLE_ID.matcher(action);
		if (article.matches()) {
			like = !comments.likes(Long.parseLong(article.group(1)), ReaderKey.of(request));
			kind = like ? "like" : "unlike";
		}
		model.addAttribute("page", new Pages.ConfirmPage(action, kind, safeBack, like));
		return "confirm";
	}

}
