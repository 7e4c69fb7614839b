package io.inkstone.importer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.GoneException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.UiFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code /studio/export} (the signed-in creator only): start an export of everything the
 * creator made, watch it being built, download the zip until it expires. Someone else's
 * export answers 404, exactly like a missing one; an expired one 410.
 */
@Controller
@Profile("!import")
class StudioExportController {

	private final CreatorExports exports;

	private final Creators creators;

	private final UiFactory ui;

	StudioExportController(CreatorExports exports, Creators creators, UiFactory ui) {
		this.exports = exports;
		this.creators = creators;
		this.ui = ui;
	}

	@GetMapping("/studio/export")
	String index(Model model) {
		Creator me = creators.signedIn();
		model.addAttribute("page", new ExportPages.Index(exports.recent(me.id()), CreatorExports.KEEP.toDays()));
		return "importer/studio-export";
	}

	@PostMapping("/studio/export")
	String start() {
		Creator me = creators.signedIn();
		CreatorExports.Export export = exports.start(me.id());
		return "redirect:/studio/export/" + export.id();
	}

	@GetMapping("/studio/export/{id}")
	String show(@PathVariable String id, Model model) {
		CreatorExports.Export export = mine(id);
		model.addAttribute("page", new ExportPages.Show(export, CreatorExports.KEEP.toDays()));
		return "importer/studio-export-show";
	}

	@GetMapping(value = "/studio/export/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> status(@PathVariable String id) {
		CreatorExports.Export export = mine(id);
		return Map.of("state", export.state(), "done", export.done(), "total", export.total(), "percent",
				export.percent());
	}

	@GetMapping("/studio/export/{id}/download")
	ResponseEntity<Resource> download(@PathVariable String id, HttpServletRequest request) {
		Creator me = creators.signedIn();
		CreatorExports.Export export = mine(id);
		if ("expired".equals(export.state())) {
			throw new GoneException(ui.of(request).t("problem.importer.exportExpired"),
					"problem.importer.theDownloadLinkHasExpiredStart");
		}
		Resource zip = exports.file(export).orElseThrow(() -> new NotFoundException("export not ready"));
		String name = "inkstone-" + me.handle() + "-"
				+ LocalDate.ofInstant(Instant.ofEpochMilli(export.createdAt()), ZoneOffset.UTC) + ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(zip);
	}

	/**
	 * The signed-in creator's export by id; anything else (another's, a malformed id) is
	 * 404.
	 */
	private CreatorExports.Export mine(String id) {
		Creator me = creators.signedIn();
		long value;
		try {
			value = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("no export " + id);
		}
		return exports.find(value, me.id()).orElseThrow(() -> new NotFoundException("no export " + id));
	}

}
