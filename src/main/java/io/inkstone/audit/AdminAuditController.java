package io.inkstone.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.shared.Csv;
import io.inkstone.shared.DayRange;

/**
 * {@code /admin/audit}: admins read the audit log (newest first) and export any period as
 * CSV. Read-only.
 */
@Controller
class AdminAuditController {

	static final int PAGE = 50;

	private final AuditLog log;

	private final List<AuditSubjects> subjects;

	AdminAuditController(AuditLog log, List<AuditSubjects> subjects) {
		this.log = log;
		this.subjects = subjects;
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(name = "before", required = false) Long before,
			@RequestParam(name = "action", required = false) String action, Model model) {
		String filter = action == null || action.isBlank() ? null : action.strip();
		List<AuditEntry> entries = log.page(before, filter, PAGE + 1);
		String next = entries.size() > PAGE ? Long.toString(entries.get(PAGE - 1).id()) : null;
		List<AuditEntry> shown = entries.subList(0, Math.min(PAGE, entries.size()));
		Map<String, String> names = new HashMap<>();
		for (AuditEntry e : shown) {
			String key = e.targetType() + ":" + e.targetId();
			if (e.targetType() != null && !names.containsKey(key)) {
				subjects.stream()
					.map(s -> s.name(e.targetType(), e.targetId()))
					.flatMap(Optional::stream)
					.findFirst()
					.ifPresent(name -> names.put(key, name));
			}
		}
		model.addAttribute("page", new AuditPage(shown, filter, next, names));
		return "audit/log";
	}

	/**
	 * CSV of every entry from {@code from} to {@code to} inclusive (platform days,
	 * yyyy-mm-dd).
	 */
	@GetMapping(value = "/admin/audit.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		DayRange period = DayRange.parse(from, to);
		LocalDate first = period.first();
		LocalDate last = period.last();
		long start = period.startMillis();
		long end = period.endMillis();
		StringBuilder out = new StringBuilder(
				"\uFEFFid,time,actor_id,actor,action,target_type,target_id,reason,details\n");
		for (AuditEntry e : log.between(start, end)) {
			out.append(e.id())
				.append(',')
				.append(Instant.ofEpochMilli(e.at()))
				.append(',')
				.append(e.actorId() == null ? "" : e.actorId())
				.append(',')
				.append(csv(e.actorName()))
				.append(',')
				.append(csv(e.action()))
				.append(',')
				.append(csv(e.targetType()))
				.append(',')
				.append(csv(e.targetId()))
				.append(',')
				.append(csv(e.reason()))
				.append(',')
				.append(csv(e.details()))
				.append('\n');
		}
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"inkstone-audit-" + first + "-" + last + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String csv(String value) {
		return Csv.field(value);
	}

}
