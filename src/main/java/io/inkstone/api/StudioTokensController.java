package io.inkstone.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /studio/tokens}: a creator's (or an admin's) personal access tokens. A new
 * token's secret is shown once, on the page the creating POST redirects to (a flash
 * attribute: never stored, never in a URL); the list shows names, scopes and last use.
 */
@Controller
class StudioTokensController {

	private final ApiTokens tokens;

	private final Clock clock;

	StudioTokensController(ApiTokens tokens, Clock clock) {
		this.clock = clock;
		this.tokens = tokens;
	}

	private static long me() {
		return SignedIn.current().orElseThrow(() -> new NotFoundException("not signed in")).accountId();
	}

	/** The flash attribute carrying a new token's secret to the page after the POST. */
	static final String SECRET = "tokenSecret";

	@GetMapping("/studio/tokens")
	String list(HttpServletResponse response, Model model) {
		Object secret = model.getAttribute(SECRET);
		return page(response, model, secret instanceof String s ? s : null, Map.of(), TokenForm.NEW);
	}

	/**
	 * Creates a token and redirects (post/redirect/get): the secret travels to the page
	 * once as a flash attribute, so a reload shows the list and creates nothing. A
	 * refused form is answered in place, each error on its own field.
	 */
	@PostMapping("/studio/tokens")
	String create(@Valid TokenForm form, BindingResult binding, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = FormErrors.of(binding);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return page(response, model, null, errors, form);
		}
		try {
			ApiTokens.Created created = tokens.create(me(), form.name(), form.write(), form.days());
			redirect.addFlashAttribute(SECRET, created.secret());
			return "redirect:/studio/tokens?created";
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			String field = "tokens.error.expiry".equals(ex.messageKey()) ? "expires" : "name";
			return page(response, model, null, Map.of(field, ex.messageKey()), form);
		}
	}

	@PostMapping("/studio/tokens/{id}/revoke")
	String revoke(@PathVariable long id) {
		tokens.revoke(me(), id);
		return "redirect:/studio/tokens?revoked";
	}

	private String page(HttpServletResponse response, Model model, String secret, Map<String, String> errors,
			TokenForm form) {
		response.setHeader("Cache-Control", "no-store"); // the page may carry a secret
		List<ApiToken> all = tokens.of(me());
		model.addAttribute("page",
				new TokenPages.Tokens(all, secret, errors, form.name(), form.scope(), form.expires(), clock.millis()));
		return "api/tokens";
	}

}
