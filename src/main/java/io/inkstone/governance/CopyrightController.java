package io.inkstone.governance;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Articles;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.ClientAddresses;
import io.inkstone.web.FormErrors;
import io.inkstone.web.RateLimiter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /copyright}: a rights holder's notice against an article (who they are, how to
 * reach them, the original work, a good-faith statement). It enters the reviewers' queue
 * as an infringement report; the creator may answer a take-down with a counter-notice,
 * and the rights holder is told at each step.
 */
@Controller
class CopyrightController {

	private final Reports reports;

	private final Articles articles;

	private final RateLimiter limits;

	CopyrightController(Reports reports, Articles articles, RateLimiter limits) {
		this.reports = reports;
		this.articles = articles;
		this.limits = limits;
	}

	private String title(long articleId) {
		// only what readers can see: a draft's or a held article's title is nobody else's
		return articles.getPublished(articleId).title();
	}

	@GetMapping("/copyright")
	String form(@RequestParam("article") long articleId, Model model) {
		model.addAttribute("page", new GovernancePages.CopyrightForm(articleId, title(articleId), Map.of(), Map.of()));
		return "governance/copyright";
	}

	/**
	 * Files a notice. The article stays a request parameter: it names the target like a
	 * path would, and a malformed one is a 400 before any form is shown.
	 */
	@PostMapping("/copyright")
	String file(@RequestParam(name = "article", defaultValue = "0") long articleId, @Valid CopyrightNoticeForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		String title = title(articleId);
		Reports.CopyrightNotice notice = form.of(articleId);
		Map<String, String> errors = FormErrors.of(binding);
		reports.validate(notice).forEach(errors::putIfAbsent);
		if (!errors.isEmpty()) {
			Map<String, String> values = Map.of("claimantName", form.claimantName(), "claimantContact",
					form.claimantContact(), "originalWork", form.originalWork(), "detail", form.detail(), "goodFaith",
					form.goodFaith() == null ? "" : form.goodFaith());
			response.setStatus(400);
			model.addAttribute("page", new GovernancePages.CopyrightForm(articleId, title, values, errors));
			return "governance/copyright";
		}
		long wait = limits.tryAcquire("copyright-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()), 10,
				Duration.ofHours(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		var me = SignedIn.current();
		Report report = reports.fileCopyright(notice, ReaderKey.of(request), me.map(SignedIn::accountId).orElse(null));
		return "redirect:/reports/" + report.ref() + "?filed";
	}

}
