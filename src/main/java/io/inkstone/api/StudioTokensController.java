package io.inkstone.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /studio/tokens}: a creator's (or an admin's) personal access tokens. A new
 * token's secret is shown on the answer to the creating POST only (never stored, never in
 * a URL); the list shows names, scopes and last use.
 */
@Controller
class StudioTokensController {

	private final ApiTokens tokens;

	private final UiFactory ui;

	StudioTokensController(ApiTokens tokens, UiFactory ui) {
		this.tokens = tokens;
		this.ui = ui;
	}

	private static long me() {
		return SignedIn.current().orElseThrow(() -> new NotFoundException("not signed in")).accountId();
	}

	@GetMapping("/studio/tokens")
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, null, null, "");
	}

	@PostMapping("/studio/tokens")
	String create(@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "scope", defaultValue = "read") String scope,
			@RequestParam(name = "expires", defaultValue = "") String expires, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Integer days;
		try {
			days = expires.isBlank() ? null : Integer.valueOf(expires.strip());
		}
		catch (NumberFormatException ex) {
			response.setStatus(400);
			return page(request, response, model, null, "tokens.error.expiry", name);
		}
		if (!"read".equals(scope) && !"write".equals(scope)) {
			response.setStatus(400);
			return page(request, response, model, null, "tokens.error.scope", name);
		}
		try {
			ApiTokens.Created created = tokens.create(me(), name, "write".equals(scope), days);
			return page(request, response, model, created, null, "");
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(request, response, model, null, ui.of(request).message(ex), name);
		}
	}

	@PostMapping("/studio/tokens/{id}/revoke")
	String revoke(@PathVariable long id) {
		tokens.revoke(me(), id);
		return "redirect:/studio/tokens?revoked";
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model,
			ApiTokens.Created created, String error, String name) {
		response.setHeader("Cache-Control", "no-store"); // the page may carry a secret
		List<ApiToken> all = tokens.of(me());
		model.addAttribute("page", new TokenPages.Tokens(ui.of(request), List.of(), all, created, error, name,
				System.currentTimeMillis()));
		return "api/tokens";
	}

}
