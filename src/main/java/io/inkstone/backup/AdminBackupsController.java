package io.inkstone.backup;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.audit.AuditLog;
import io.inkstone.media.MediaProperties;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import java.io.UncheckedIOException;

/**
 * {@code /admin/backups} (admins): the newest backups in {@code inkstone.backup.dir} with
 * their time, size, counts and whether their checksums were verified; "back up now" and
 * "check" run in the background (the page refreshes itself while they run). Restoring
 * stays a command: it needs the server stopped.
 */
@Controller
@Profile("!import")
class AdminBackupsController {

	private final Backups backups;

	private final MediaProperties media;

	private final AuditLog audit;

	private final UiFactory ui;

	AdminBackupsController(Backups backups, MediaProperties media, AuditLog audit, UiFactory ui) {
		this.backups = backups;
		this.media = media;
		this.audit = audit;
		this.ui = ui;
	}

	@GetMapping("/admin/backups")
	String page(HttpServletRequest request, Model model) {
		Ui ui = this.ui.of(request);
		List<BackupsPage.Row> rows = List.of();
		Backups.Failure failure = backups.lastFailure();
		String error = failure == null ? null : ui.t(failure.key(), failure.args());
		try {
			rows = backups.list(30).stream().map(b -> row(ui, b)).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			// an unreadable backup directory is said on the page, not answered with a 500
			error = ui.t("backup.cli.failed", String.valueOf(ex.getMessage()));
		}
		model.addAttribute("page",
				new BackupsPage(backups.dir().toString(), media.storage(), backups.running(), error, rows));
		return "backup/backups";
	}

	private static BackupsPage.Row row(Ui ui, Backups.Listed b) {
		String status;
		String css;
		if (!b.complete() && b.problem() == null) {
			status = ui.t("backups.status.incomplete");
			css = "muted";
		}
		else if (b.problem() != null || Boolean.FALSE.equals(b.checked())) {
			status = ui.t("backups.status.failed");
			css = "error";
		}
		else if (Boolean.TRUE.equals(b.checked())) {
			status = ui.t("backups.status.checked");
			css = "ok";
		}
		else {
			status = b.verified() ? ui.t("backups.status.verified") : ui.t("backups.status.unverified");
			css = b.verified() ? "ok" : "muted";
		}
		String problem = b.problem() == null ? null : ui.t(b.problem().key(), b.problem().args());
		return new BackupsPage.Row(b.name(), b.createdAt() == null ? "" : ui.time(b.createdAt().toEpochMilli()),
				ui.t("backups.megabytes", String.format(Locale.ROOT, "%.1f", b.bytes() / 1048576.0)), b.articles(),
				b.comments(), b.follows(), b.mediaFiles(), status, css, problem, b.complete() || b.problem() != null);
	}

	@PostMapping("/admin/backups")
	String start() {
		if (backups.start()) {
			audit.record("backup.start", "backup", null, null, null);
		}
		return "redirect:/admin/backups";
	}

	@PostMapping("/admin/backups/{name}/check")
	String check(@PathVariable String name) {
		if (!Backups.NAME.matcher(name).matches()) {
			throw new NotFoundException("no backup " + name);
		}
		if (backups.check(name)) {
			audit.record("backup.check", "backup", name, null, null);
		}
		return "redirect:/admin/backups";
	}

}
