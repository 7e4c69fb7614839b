package io.inkstone.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.channels.Channels;
import io.inkstone.governance.ComplianceProfile;
import io.inkstone.shared.BadRequestException;
import io.inkstone.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/settings} (admins only, see {@code SecurityConfig}): the general settings
 * and the review lists, each a form of its own. A refused form comes back as a 400 page
 * with the field's message and the values as posted, and nothing is stored; a saved one
 * redirects to the page with a message saying what changed.
 */
@Controller
class AdminSettingsController {

	/** Offered in the time-zone field; any valid zone id is accepted. */
	static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
			"Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

	static final List<String> FLASHES = List.of("saved", "listsSaved", "unchanged", "channelsSaved", "dutiesSaved",
			"merged");

	private static final long MAX_UPLOAD = ReviewListsForm.MAX_WORDS * 4L;

	private final SettingsChanges changes;

	private final Channels channels;

	private final ConsoleSettings console;

	AdminSettingsController(SettingsChanges changes, Channels channels, ConsoleSettings console) {
		this.channels = channels;
		this.console = console;
		this.changes = changes;
	}

	private String page(HttpServletRequest request, Model model, SettingsForm form, ReviewListsForm lists,
			Map<String, String> errors) {
		return page(request, model, form, lists, errors, Map.of());
	}

	private String page(HttpServletRequest request, Model model, SettingsForm form, ReviewListsForm lists,
			Map<String, String> errors, Map<String, String> posted) {
		return page(request, model, form, lists, errors, posted, new ConsolePart(console.duties(null), null, null));
	}

	/**
	 * The page with the operators' part as posted ({@link ConsoleSettingsController}).
	 */
	String page(HttpServletRequest request, Model model, Map<String, String> errors, ConsolePart part) {
		return page(request, model, null, null, errors, Map.of(), part);
	}

	private String page(HttpServletRequest request, Model model, SettingsForm form, ReviewListsForm lists,
			Map<String, String> errors, Map<String, String> posted, ConsolePart part) {
		String flash = FLASHES.stream()
			.filter(f -> request.getParameter(f) != null)
			.findFirst()
			.map(f -> "siteSettings.done." + f)
			.orElse(null);
		model.addAttribute("page",
				new SettingsPage(form == null ? changes.current() : form,
						lists == null ? changes.currentLists() : lists, errors, ComplianceProfile.profiles(), ZONES,
						changes.defaultZone(), flash, channels.all(), posted, part));
		return "settings/settings";
	}

	@GetMapping("/admin/settings")
	String settings(HttpServletRequest request, Model model) {
		return page(request, model, null, null, Map.of());
	}

	@PostMapping("/admin/settings")
	String save(@Valid SettingsForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		changes.check(form).forEach(errors::putIfAbsent);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, form, null, errors);
		}
		return changes.save(form).isEmpty() ? "redirect:/admin/settings?unchanged" : "redirect:/admin/settings?saved";
	}

	@PostMapping("/admin/settings/lists")
	String saveLists(@Valid ReviewListsForm form, BindingResult binding,
			@RequestParam(name = "wordsFile", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Map<String, String> errors = FormErrors.of(binding);
		ReviewListsForm posted = form;
		if (errors.isEmpty()) {
			ReviewListsForm.badDomain(form.domains()).ifPresent(line -> {
				errors.put("domains", "siteSettings.error.domain");
				errors.put("domains.arg", line);
			});
		}
		if (errors.isEmpty() && file != null && !file.isEmpty()) {
			String text = file.getSize() > MAX_UPLOAD ? null : utf8(file.getBytes());
			if (file.getSize() > MAX_UPLOAD) {
				// the real reason, with the limit: the file is too large, not mis-encoded
				errors.put("wordsFile", "siteSettings.error.fileTooLarge");
			}
			else if (text == null) {
				errors.put("wordsFile", "siteSettings.error.file");
			}
			else if (text.length() > ReviewListsForm.MAX_WORDS) {
				errors.put("wordsFile", "siteSettings.error.wordsLength");
			}
			else {
				posted = new ReviewListsForm(text.startsWith("\uFEFF") ? text.substring(1) : text, form.domains());
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, null, form, errors);
		}
		return changes.save(posted).isEmpty() ? "redirect:/admin/settings?unchanged#lists"
				: "redirect:/admin/settings?listsSaved#lists";
	}

	@PostMapping("/admin/settings/channels")
	String addChannel(@RequestParam(name = "channelSlug", defaultValue = "") String slug,
			@RequestParam(name = "channelName", defaultValue = "") String name, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = changes.addChannel(slug, name);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, null, null, errors, Map.of("channelSlug", slug, "channelName", name));
		}
		return "redirect:/admin/settings?channelsSaved#channels";
	}

	@PostMapping("/admin/settings/channels/{id}/rename")
	String renameChannel(@PathVariable long id, @RequestParam(name = "name", defaultValue = "") String name,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Map<String, String> errors = changes.renameChannel(id, name);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(request, model, null, null, errors, Map.of("name-" + id, name));
		}
		return "redirect:/admin/settings?channelsSaved#channels";
	}

	@PostMapping("/admin/settings/channels/{id}/move")
	String moveChannel(@PathVariable long id, @RequestParam(name = "direction", defaultValue = "") String direction) {
		if (!direction.equals("up") && !direction.equals("down")) {
			throw new BadRequestException("siteSettings.error.value");
		}
		changes.moveChannel(id, direction.equals("up") ? -1 : 1);
		return "redirect:/admin/settings?channelsSaved#channels";
	}

	@PostMapping("/admin/settings/channels/{id}/visibility")
	String hideChannel(@PathVariable long id, @RequestParam(name = "hidden", defaultValue = "") String hidden) {
		if (!hidden.equals("true") && !hidden.equals("false")) {
			throw new BadRequestException("siteSettings.error.value");
		}
		changes.hideChannel(id, Boolean.parseBoolean(hidden));
		return "redirect:/admin/settings?channelsSaved#channels";
	}

	/**
	 * The page as stored, with whatever the model carries already (another section's
	 * refused form).
	 */
	String render(HttpServletRequest request, Model model) {
		return page(request, model, null, null, Map.of());
	}

	/** UTF-8 text, or null for anything else (a Word file, GBK, an image). */
	static String utf8(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.indexOf('\0') >= 0 ? null : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
