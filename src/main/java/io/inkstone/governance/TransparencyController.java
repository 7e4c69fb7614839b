package io.inkstone.governance;

import java.nio.charset.StandardCharsets;

import io.inkstone.shared.BadRequestException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import io.inkstone.shared.DayRange;

/**
 * {@code /transparency}: the public report for any period (default: the last 30 days), as
 * a page, CSV and JSON. The annual governance report and the DSA transparency report are
 * this, for a year.
 */
@Controller
class TransparencyController {

	private final Reports reports;

	private final ModerationDecisions decisions;

	TransparencyController(Reports reports, ModerationDecisions decisions) {
		this.reports = reports;
		this.decisions = decisions;
	}

	TransparencyReport report(String from, String to) {
		DayRange period = DayRange.parse(from, to);
		if (period.first().isBefore(period.last().minusYears(5))) {
			throw new BadRequestException("problem.governance.invalidPeriod");
		}
		return TransparencyReport.of(period.first(), period.last(),
				reports.between(period.startMillis(), period.endMillis()),
				decisions.receivedBetween(period.startMillis(), period.endMillis()));
	}

	@GetMapping("/transparency")
	String page(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to, Model model) {
		model.addAttribute("page", new GovernancePages.Transparency(report(from, to)));
		return "governance/transparency";
	}

	@GetMapping(value = "/transparency.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		TransparencyReport report = report(from, to);
		return ResponseEntity.ok()
			.header("Content-Disposition",
					"attachment; filename=\"inkstone-transparency-" + report.from() + "-" + report.to() + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(report.csv().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(value = "/transparency.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	TransparencyReport json(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		return report(from, to);
	}

}
