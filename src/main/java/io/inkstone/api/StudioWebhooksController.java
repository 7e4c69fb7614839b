package io.inkstone.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.creators.Creators;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /studio/webhooks}: a creator registers endpoints for their own articles' events;
 * an admin may also register site-wide ones. The signing secret is shown once; each hook
 * has a delivery log and a test send.
 */
@Controller
class StudioWebhooksController {

	private final Webhooks webhooks;

	private final Creators creators;

	StudioWebhooksController(Webhooks webhooks, Creators creators) {
		this.webhooks = webhooks;
		this.creators = creators;
	}

	private static SignedIn me() {
		return SignedIn.current().orElseThrow(() -> new NotFoundException("not signed in"));
	}

	@GetMapping("/studio/webhooks")
	String list(@RequestParam(name = "log", required = false) Long log, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return page(request, response, model, null, Map.of(), null, log);
	}

	@PostMapping("/studio/webhooks")
	String register(@Valid WebhookForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignedIn me = me();
		Map<String, String> errors = FormErrors.of(binding);
		Long creatorId = null;
		if (errors.isEmpty() && (form.site() == null || !me.isAdmin())) {
			creatorId = creators.ofAccount(me.accountId()).map(c -> c.id()).orElse(null);
			if (creatorId == null) {
				errors.put("url", "webhooks.error.noCreator");
			}
		}
		if (errors.isEmpty()) {
			try {
				Webhook hook = webhooks.register(me.accountId(), creatorId, form.url(), form.events());
				return page(request, response, model, hook, Map.of(), null, null);
			}
			catch (ApiProblems.InvalidInput ex) {
				errors.putAll(ex.errors);
			}
		}
		response.setStatus(400);
		return page(request, response, model, null, errors, form, null);
	}

	@PostMapping("/studio/webhooks/{id}/delete")
	String delete(@PathVariable long id) {
		webhooks.delete(me().accountId(), id);
		return "redirect:/studio/webhooks?deleted";
	}

	@PostMapping("/studio/webhooks/{id}/ping")
	String ping(@PathVariable long id) {
		webhooks.ping(me().accountId(), id);
		return "redirect:/studio/webhooks?log=" + id;
	}

	/**
	 * The page; {@code posted} is a refused form shown as posted, null for a new one
	 * (every event ticked, site-wide for an admin who is no creator).
	 */
	private String page(HttpServletRequest request, HttpServletResponse response, Model model, Webhook created,
			Map<String, String> errors, WebhookForm posted, Long log) {
		response.setHeader("Cache-Control", "no-store"); // the page may carry a secret
		SignedIn me = me();
		List<Webhook> hooks = webhooks.of(me.accountId());
		Webhook shown = log == null ? null
				: hooks.stream()
					.filter(h -> h.id() == log)
					.findFirst()
					.orElseThrow(() -> new NotFoundException("no such webhook"));
		List<WebhookDelivery> deliveries = shown == null ? List.of()
				: webhooks.deliveries(me.accountId(), shown.id(), 50);
		boolean creator = creators.ofAccount(me.accountId()).isPresent();
		model.addAttribute("page",
				new TokenPages.Hooks(hooks, created, errors, posted == null ? "" : posted.url(),
						posted == null ? null : Objects.requireNonNullElse(posted.events(), List.of()),
						posted == null ? !creator : posted.site() != null, me.isAdmin(), creator, shown, deliveries));
		return "api/webhooks";
	}

}
