package io.inkstone.accounts;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.ReasonForm;

import io.inkstone.shared.BadRequestException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/users} (admins only): search accounts, an account's sign-ins and roles,
 * suspend and restore, reset two-factor sign-in. Each action answers on the account's
 * page with what it did; a bad request re-renders the page with the field's message.
 */
@Controller
class AdminUsersController {

	static final List<String> FLASHES = List.of("suspended", "restored", "twoFactorReset");

	private final AccountAdmin admin;

	AdminUsersController(AccountAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(name = "q", required = false) String query, HttpServletResponse response, Model model) {
		List<AccountPages.UserRow> users;
		Map<String, String> errors = Map.of();
		if (query == null) {
			users = admin.newest();
		}
		else {
			try {
				users = admin.search(query);
			}
			catch (BadRequestException ex) {
				response.setStatus(400);
				users = List.of();
				errors = Map.of("q", ex.messageKey());
			}
		}
		model.addAttribute("page", new AccountPages.Users(query, users, errors));
		return "accounts/users";
	}

	@GetMapping("/admin/users/{id}")
	String user(@PathVariable long id, HttpServletRequest request, Model model) {
		String flash = FLASHES.stream()
			.filter(f -> request.getParameter(f) != null)
			.findFirst()
			.map(f -> "users.done." + f)
			.orElse(null);
		return page(id, request, model, flash, Map.of());
	}

	@PostMapping("/admin/users/{id}/suspend")
	String suspend(@PathVariable long id, @Valid ReasonForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			admin.suspend(id, form.reason());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(id, request, model, null, Map.of("suspendReason", ex.messageKey()));
		}
		return "redirect:/admin/users/" + id + "?suspended";
	}

	@PostMapping("/admin/users/{id}/restore")
	String restore(@PathVariable long id) {
		admin.restore(id);
		return "redirect:/admin/users/" + id + "?restored";
	}

	@PostMapping("/admin/users/{id}/two-factor/reset")
	String resetTwoFactor(@PathVariable long id, @Valid ReasonForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			admin.resetTwoFactor(id, form.reason());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(id, request, model, null, Map.of("resetReason", ex.messageKey()));
		}
		return "redirect:/admin/users/" + id + "?twoFactorReset";
	}

	private String page(long id, HttpServletRequest request, Model model, String flash, Map<String, String> errors) {
		model.addAttribute("page", admin.detail(id,
				new AccountPages.UserDetail(null, 0, null, null, List.of(), List.of(), false, flash, errors)));
		return "accounts/user";
	}

}
