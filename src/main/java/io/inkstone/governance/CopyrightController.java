package io.inkstone.governance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.articles.Articles;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.ClientAddresses;
import io.inkstone.web.RateLimiter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
		return articles.find(articleId).orElseThrow(() -> new NotFoundException("no article")).title();
	}

	@GetMapping("/copyright")
	String form(@RequestParam("article") long articleId, Model model) {
		model.addAttribute("page", new GovernancePages.CopyrightForm(articleId, title(articleId), Map.of(), Map.of()));
		return "governance/copyright";
	}

	@PostMapping("/copyright")
	String file(@RequestParam(name = "article", defaultValue = "0") long articleId,
			@RequestParam(name = "claimantName", defaultValue = "") String name,
			@RequestParam(name = "claimantContact", defaultValue = "") String contact,
			@RequestParam(name = "originalWork", defaultValue = "") String work,
			@RequestParam(name = "detail", defaultValue = "") String detail,
			@RequestParam(name = "goodFaith", required = false) String goodFaith, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String title = title(articleId);
		Reports.CopyrightNotice notice = new Reports.CopyrightNotice(articleId, name, contact, work, detail,
				goodFaith != null);
		Map<String, String> errors = reports.validate(notice);
		if (!errors.isEmpty()) {
			Map<String, String> values = new HashMap<>(
					Map.of("claimantName", name, "claimantContact", contact, "originalWork", work, "detail", detail));
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
