package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.UiFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/import} (admins): upload a WordPress export and watch it import — the
 * same import as the command (without --uploads: images are fetched from their URL unless
 * fetching is off, and keep their original links when they cannot be), a progress bar,
 * the same summary.
 */
@Controller
@Profile("!import")
class AdminImportController {

	private final ImportJobs jobs;

	private final UiFactory ui;

	AdminImportController(ImportJobs jobs, UiFactory ui) {
		this.jobs = jobs;
		this.ui = ui;
	}

	@GetMapping("/admin/import")
	String index(HttpServletRequest request, Model model) {
		model.addAttribute("page", new ImportPages.Index(
				jobs.recent().stream().map(j -> ImportPages.view(j, ui.of(request))).toList(), null));
		return "importer/index";
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new BadRequestException("problem.importer.chooseAWordpressExportFile");
			}
			try (InputStream in = file.getInputStream()) {
				ImportJobs.Job job = jobs.start(in, file.getOriginalFilename());
				return "redirect:/admin/import/" + job.id;
			}
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			model.addAttribute("page",
					new ImportPages.Index(jobs.recent().stream().map(j -> ImportPages.view(j, ui.of(request))).toList(),
							ui.of(request).message(ex)));
			return "importer/index";
		}
	}

	@GetMapping("/admin/import/{id}")
	String show(@PathVariable String id, HttpServletRequest request, Model model) {
		ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("no import " + id));
		model.addAttribute("page", new ImportPages.Show(ImportPages.view(job, ui.of(request))));
		return "importer/show";
	}

	@GetMapping(value = "/admin/import/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> status(@PathVariable String id, HttpServletRequest request) {
		ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("no import " + id));
		return Map.of("state", job.state, "done", job.done, "total", job.total, "percent", job.percent(), "summary",
				ImportPages.summary(job, ui.of(request)));
	}

}
