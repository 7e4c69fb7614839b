package io.inkstone.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.AppointForm;
import io.inkstone.accounts.AccountForms.ReasonForm;

import io.inkstone.shared.BadRequestException;
import io.inkstone.web.UiFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/staff} (admins only): appoint and revoke reviewers, each with a reason
 * that goes to the audit log.
 */
@Controller
class AdminStaffController {

	private final Accounts accounts;

	private final UiFactory ui;

	AdminStaffController(Accounts accounts, UiFactory ui) {
		this.accounts = accounts;
		this.ui = ui;
	}

	@GetMapping("/admin/staff")
	String staff(@RequestParam(name = "done", required = false) Long done, Model model) {
		// confirms from what is stored: the account's role now says what was done
		return page(model, null, done == null ? null : accounts.member(done).orElse(null));
	}

	@PostMapping("/admin/staff/reviewers")
	String appoint(@Valid AppointForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		long id;
		try {
			id = accounts.appointReviewer(form.email(), form.reason());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(model, ui.of(request).message(ex), null);
		}
		return "redirect:/admin/staff?done=" + id;
	}

	@PostMapping("/admin/staff/reviewers/{id}/revoke")
	String revoke(@PathVariable long id, @Valid ReasonForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (accounts.member(id).filter(m -> !Role.REVIEWER.name().equals(m.role())).isPresent()) {
			// revoked already (a second click, or Back): say so instead of a 404
			return "redirect:/admin/staff?done=" + id;
		}
		try {
			accounts.revokeReviewer(id, form.reason());
		}
		catch (BadRequestException ex) {
			response.setStatus(400);
			return page(model, ui.of(request).message(ex), null);
		}
		return "redirect:/admin/staff?done=" + id;
	}

	private String page(Model model, String error, StaffMember done) {
		model.addAttribute("page", new AccountPages.Staff(accounts.staff(), error, done));
		return "accounts/staff";
	}

}
