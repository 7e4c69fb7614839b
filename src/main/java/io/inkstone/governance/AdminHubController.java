package io.inkstone.governance;

import java.time.Clock;
import java.util.List;

import io.inkstone.articles.Article;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * {@code /admin}: the staff's start page — how much waits in each queue and for how long,
 * each a link to its queue.
 */
@Controller
class AdminHubController {

	private final CreatorApplications applications;

	private final Reports reports;

	private final ArticleReviews reviews;

	private final ModerationDecisions decisions;

	private final MachineFindings machine;

	private final Clock clock;

	AdminHubController(CreatorApplications applications, Reports reports, ArticleReviews reviews,
			ModerationDecisions decisions, MachineFindings machine, Clock clock) {
		this.clock = clock;
		this.machine = machine;
		this.applications = applications;
		this.reports = reports;
		this.reviews = reviews;
		this.decisions = decisions;
	}

	@GetMapping("/admin")
	String hub(Model model) {
		List<CreatorApplication> pending = applications.pending();
		List<Report> open = reports.queue(null);
		List<Report> notices = open.stream().filter(Report::copyright).toList();
		List<Report> plain = open.stream().filter(r -> !r.copyright()).toList();
		List<Article> held = reviews.pending();
		List<ModerationDecision> appeals = decisions.openAppeals();
		List<MachineFindings.Flagged> flagged = machine.live(null);
		List<GovernancePages.HubQueue> queues = List.of(
				new GovernancePages.HubQueue("applications", "/admin/applications", pending.size(),
						oldest(pending.stream().mapToLong(CreatorApplication::createdAt))),
				new GovernancePages.HubQueue("reports", "/admin/reports", plain.size(),
						oldest(plain.stream().mapToLong(Report::createdAt))),
				new GovernancePages.HubQueue("held", "/admin/review", held.size(),
						oldest(held.stream().mapToLong(Article::updatedAt))),
				new GovernancePages.HubQueue("appeals", "/admin/appeals", appeals.size(),
						oldest(appeals.stream()
							.mapToLong(d -> d.appealedAt() == null ? d.decidedAt() : d.appealedAt()))),
				new GovernancePages.HubQueue("copyright", "/admin/reports?reason=infringement", notices.size(),
						oldest(notices.stream().mapToLong(Report::createdAt))),
				new GovernancePages.HubQueue("machine", "/admin/machine", flagged.size(),
						oldest(flagged.stream().mapToLong(MachineFindings.Flagged::at))));
		model.addAttribute("page", new GovernancePages.Hub(queues, clock.millis()));
		return "governance/hub";
	}

	private static Long oldest(LongStream times) {
		OptionalLong min = times.min();
		return min.isPresent() ? min.getAsLong() : null;
	}

}
