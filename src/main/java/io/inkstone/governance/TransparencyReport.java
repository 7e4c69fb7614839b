package io.inkstone.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public transparency report for a period, computed from the reports table: received
 * and handled by category and outcome, median time to decision, takedowns by reason,
 * appeals and reversals.
 */
public record TransparencyReport(LocalDate from, LocalDate to, long received, long decided, long open,
		Map<String, Map<String, Long>> byReasonAndOutcome, Map<String, Long> takedownsByReason,
		Double medianHoursToDecision, long appeals, long appealsUpheld, long appealsReversed, long appealsOpen) {

	public static final List<String> OUTCOMES = List.of("open", "no-action", "hide-comment", "take-down",
			"restrict-creator");

	static TransparencyReport of(LocalDate from, LocalDate to, List<Report> reports) {
		Map<String, Map<String, Long>> table = new LinkedHashMap<>();
		for (ReportReason reason : ReportReason.values()) {
			Map<String, Long> row = new LinkedHashMap<>();
			OUTCOMES.forEach(o -> row.put(o, 0L));
			table.put(reason.code(), row);
		}
		Map<String, Long> takedowns = new LinkedHashMap<>();
		List<Long> durations = new ArrayList<>();
		long decided = 0;
		long appeals = 0;
		long upheld = 0;
		long reversed = 0;
		long appealsOpen = 0;
		for (Report r : reports) {
			String outcome = r.open() ? "open" : r.decision();
			table.computeIfAbsent(r.reason(), k -> new LinkedHashMap<>()).merge(outcome, 1L, Long::sum);
			if (!r.open()) {
				decided++;
				durations.add(r.decidedAt() - r.createdAt());
			}
			if ("take-down".equals(r.decision())) {
				takedowns.merge(r.reason(), 1L, Long::sum);
			}
			switch (r.appealStatus()) {
				case "open" -> {
					appeals++;
					appealsOpen++;
				}
				case "upheld" -> {
					appeals++;
					upheld++;
				}
				case "reversed" -> {
					appeals++;
					reversed++;
				}
				default -> {
				}
			}
		}
		return new TransparencyReport(from, to, reports.size(), decided, reports.size() - decided, table, takedowns,
				median(durations), appeals, upheld, reversed, appealsOpen);
	}

	static Double median(List<Long> millis) {
		if (millis.isEmpty()) {
			return null;
		}
		List<Long> sorted = millis.stream().sorted().toList();
		int n = sorted.size();
		double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
		return Math.round(middle / 36_000.0) / 100.0; // hours, two decimals
	}

	/** One CSV row per reason and outcome, then the summary lines. */
	public String csv() {
		StringBuilder out = new StringBuilder("\uFEFFperiod_from,period_to,reason,outcome,count\n");
		byReasonAndOutcome.forEach((reason,
				row) -> row.forEach((outcome, count) -> out.append(from)
					.append(',')
					.append(to)
					.append(',')
					.append(reason)
					.append(',')
					.append(outcome)
					.append(',')
					.append(count)
					.append('\n')));
		out.append(from).append(',').append(to).append(",all,received,").append(received).append('\n');
		out.append(from)
			.append(',')
			.append(to)
			.append(",all,median_hours_to_decision,")
			.append(medianHoursToDecision == null ? "" : medianHoursToDecision)
			.append('\n');
		out.append(from).append(',').append(to).append(",all,appeals,").append(appeals).append('\n');
		out.append(from).append(',').append(to).append(",all,appeals_reversed,").append(appealsReversed).append('\n');
		return out.toString();
	}

}
