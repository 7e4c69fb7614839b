package io.inkstone.governance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.shared.ForbiddenException;

/**
 * {@code /report}: anyone, signed in or not, reports an article, comment or creator in
 * two clicks (the 举报 link, then this form). The answer is a reference number;
 * {@code /reports/{ref}} shows the outcome and {@code /reports} lists this browser's
 * reports. Anonymous reports are rate-limited.
 */
@Controller
class ReportController {

	static final int ANONYMOUS_PER_HOUR = 5;

	static final int SIGNED_IN_PER_HOUR = 20;

	private final Reports reports;

	private final Articles articles;

	private final Comments comments;

	private final Creators creators;

	private final RateLimiter limits;

	ReportController(Reports reports, Articles articles, Comments comments, Creators creators, RateLimiter limits) {
		this.reports = reports;
		this.articles = articles;
		this.comments = comments;
		this.creators = creators;
		this.limits = limits;
	}

	@GetMapping("/report")
	String form(@RequestParam("type") String type, @RequestParam("id") long id, Model model) {
		String title = title(type, id);
		if (ownTarget(type, id)) {
			// the form would only be refused on sending: say so before it is filled in
			throw new ForbiddenException("problem.governance.youCannotReportYourself");
		}
		model.addAttribute("page", new GovernancePages.ReportForm(type, id, title, "", "", "", Map.of()));
		return "governance/report";
	}

	/**
	 * Files a report. What is reported ({@code type}, {@code id}) stays a request
	 * parameter: it names the target like a path would, and a malformed one is a 400
	 * before any form is shown.
	 */
	@PostMapping("/report")
	String file(@RequestParam(name = "type", defaultValue = "") String type,
			@RequestParam(name = "id", defaultValue = "0") long id, @Valid ReportFiling form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String title = title(type, id);
		if (ownTarget(type, id)) {
			throw new ForbiddenException("problem.governance.youCannotReportYourself");
		}
		Reports.Filing filing = form.of(type, id);
		Map<String, String> errors = FormErrors.of(binding);
		reports.validate(filing).forEach(errors::putIfAbsent);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("page", new GovernancePages.ReportForm(type, id, title, form.reason(), form.detail(),
					form.evidence(), errors));
			return "governance/report";
		}
		var me = SignedIn.current();
		String reader = ReaderKey.of(request);
		long wait = me.isPresent()
				? limits.tryAcquire("report-account:" + me.get().accountId(), SIGNED_IN_PER_HOUR, Duration.ofHours(1))
				: Math.max(limits.tryAcquire("report-reader:" + reader, ANONYMOUS_PER_HOUR, Duration.ofHours(1)),
						limits.tryAcquire("report-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()),
								ANONYMOUS_PER_HOUR * 4, Duration.ofHours(1)));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		Report report = reports.file(filing, reader, me.map(SignedIn::accountId).orElse(null));
		return "redirect:/reports/" + report.ref() + "?filed";
	}

	@GetMapping("/reports/{ref}")
	String status(@PathVariable String ref, @RequestParam(name = "filed", required = false) String filed, Model model) {
		Report report = reports.byRef(ref).orElseThrow(() -> new NotFoundException("no report " + ref));
		model.addAttribute("page", new GovernancePages.ReportStatus(report, filed != null));
		return "governance/status";
	}

	@GetMapping("/reports")
	String mine(HttpServletRequest request, Model model) {
		// only a reader the server knows (an account or a signed reader cookie) sees
		// their reports; the address-based
		// fallback key would show everyone behind one address (a campus NAT) each other's
		// reports
		boolean known = SignedIn.current().isPresent() || request.getAttribute(ReaderKey.REQUEST_ATTRIBUTE) != null;
		model.addAttribute("page",
				new GovernancePages.MyReports(known ? reports.byReporter(ReaderKey.of(request)) : List.of()));
		return "governance/mine";
	}

	/**
	 * What the reporter sees they are reporting: only what a reader can see can be
	 * reported or named (a draft's title or a hidden comment must not leak through this
	 * form); 404 for anything else.
	 */
	/** A creator's own page or article: a creator cannot report themselves. */
	private boolean ownTarget(String type, long id) {
		return switch (type) {
			case "creator" -> creators.isSelf(creators.get(id));
			case "article" -> creators.isSelf(creators.get(articles.getPublished(id).creatorId()));
			default -> false;
		};
	}

	private String title(String type, long id) {
		return switch (type) {
			case "article" -> articles.getPublished(id).title();
			case "comment" -> {
				articles.getPublished(comments.articleOf(id));
				String text = comments.visibleTextOf(id);
				yield text.length() > 60 ? text.substring(0, 60) + "…" : text;
			}
			case "creator" -> creators.get(id).displayName();
			default -> throw new NotFoundException("nothing to report");
		};
	}

}
