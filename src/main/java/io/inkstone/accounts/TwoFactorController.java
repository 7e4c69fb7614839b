package io.inkstone.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.CodeForm;
import io.inkstone.accounts.AccountForms.DisableForm;

import io.inkstone.audit.AuditLog;
import io.inkstone.shared.QrCodes;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.ClientAddresses;
import io.inkstone.web.FormErrors;
import io.inkstone.web.RateLimiter;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;
import io.inkstone.web.WebSecurityProperties;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Two-factor sign-in as people meet it: {@code /account/two-factor} to turn it on (QR
 * code and secret, confirmed with a code before it is on; ten recovery codes shown once),
 * off (password and a code) and to replace the recovery codes; {@code /login/two-factor},
 * the step after a correct password. Codes are limited like passwords (per address and
 * per account), so guessing six digits is hopeless.
 */
@Controller
class TwoFactorController {

	/** The secret being set up, encrypted, until a code confirms it. */
	static final String SETUP = "inkstone.twoFactor.setup";

	private final TwoFactor twoFactor;

	private final SecondFactorSignIn signIn;

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final RateLimiter limits;

	private final DeviceCookies devices;

	private final AuditLog audit;

	private final UiFactory ui;

	private final WebSecurityProperties security;

	TwoFactorController(TwoFactor twoFactor, SecondFactorSignIn signIn, AccountRepository repository,
			PasswordEncoder passwords, RateLimiter limits, DeviceCookies devices, AuditLog audit, UiFactory ui,
			WebSecurityProperties security) {
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.repository = repository;
		this.passwords = passwords;
		this.limits = limits;
		this.devices = devices;
		this.audit = audit;
		this.ui = ui;
		this.security = security;
	}

	/**
	 * Counts a code attempt against the address and the account ({@code kind}: signing in
	 * and the owner's settings have separate allowances, so setting up does not use up
	 * the sign-ins); 429 with Retry-After over the limit.
	 */
	private void throttle(HttpServletRequest request, String kind, long accountId) {
		long perAddress = limits.tryAcquire("2fa-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()),
				LoginThrottle.PER_ADDRESS, LoginThrottle.WINDOW);
		long perAccount = limits.tryAcquire(kind + accountId, LoginThrottle.PER_ACCOUNT, LoginThrottle.WINDOW);
		long wait = Math.max(perAddress, perAccount);
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
	}

	// --- the second step of signing in

	@GetMapping("/login/two-factor")
	String loginStep(HttpServletRequest request, Model model) {
		if (signIn.pending(request) == null) {
			return "redirect:/login";
		}
		model.addAttribute("page", new AccountPages.TwoFactorLogin(Map.of()));
		return "accounts/two-factor-login";
	}

	@PostMapping("/login/two-factor")
	String loginCode(@Valid CodeForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String code = form.code();
		SecondFactorSignIn.Pending pending = signIn.pending(request);
		if (pending == null) {
			return "redirect:/login";
		}
		throttle(request, "2fa-login:", pending.accountId());
		if (!twoFactor.accept(pending.accountId(), code.strip())) {
			auditStaff(pending, "staff.sign-in.second-factor-failed");
			response.setStatus(400);
			model.addAttribute("page", new AccountPages.TwoFactorLogin(
					Map.of("code", code.isBlank() ? "twoFactor.error.empty" : "twoFactor.error.code")));
			return "accounts/two-factor-login";
		}
		auditStaff(pending, "staff.sign-in.second-factor");
		response.addHeader("Set-Cookie", devices.issue(pending.email(), request.isSecure()).toString());
		String next = signIn.complete(pending, request, response);
		return next == null ? "redirect:/login?suspended" : "redirect:" + next;
	}

	/**
	 * The password step of a staff member is audited as {@code staff.sign-in} when it
	 * succeeds (see the audit module); the second step is audited too, passed or failed,
	 * so a guessed password shows in the log even when the code stops it.
	 */
	private void auditStaff(SecondFactorSignIn.Pending pending, String action) {
		repository.findById(pending.accountId())
			.filter(a -> "ADMIN".equals(a.role()) || "REVIEWER".equals(a.role()))
			.ifPresent(a -> audit.record(a.id(), a.displayName(), action, "account", a.id(), null, null));
	}

	// --- the owner's settings

	private boolean required() {
		SignedIn me = SignedIn.current().orElseThrow();
		return security.requireTwoFactorForStaff() && me.canReview();
	}

	private String status(HttpServletRequest request, Model model, Map<String, String> errors, String flash) {
		long me = SignedIn.current().orElseThrow().accountId();
		Long since = repository.twoFactorSince(me);
		model.addAttribute("page", new AccountPages.TwoFactorPage("status", since != null, since == null ? 0 : since,
				since == null ? 0 : twoFactor.recoveryCodesLeft(me), null, null, List.of(), errors, flash, required()));
		return "accounts/two-factor";
	}

	private String codes(HttpServletResponse response, Model model, List<String> codes, String flash) {
		// shown once: never kept by a cache or the back button
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("page", new AccountPages.TwoFactorPage("codes", true, 0, codes.size(), null, null, codes,
				Map.of(), flash, required()));
		return "accounts/two-factor";
	}

	@GetMapping("/account/two-factor")
	String settings(HttpServletRequest request, Model model) {
		String flash = request.getParameter("disabled") != null ? "twoFactor.done.disabled"
				: request.getParameter("required") != null ? "twoFactor.requiredNow" : null;
		return status(request, model, Map.of(), flash);
	}

	@GetMapping("/account/two-factor/setup")
	String setup(HttpServletRequest request, HttpServletResponse response, Model model) {
		long me = SignedIn.current().orElseThrow().accountId();
		if (twoFactor.enabled(me)) {
			return "redirect:/account/two-factor";
		}
		return setupPage(request, response, model, Map.of());
	}

	private String setupPage(HttpServletRequest request, HttpServletResponse response, Model model,
			Map<String, String> errors) {
		SignedIn me = SignedIn.current().orElseThrow();
		HttpSession session = request.getSession(true);
		String secret = session.getAttribute(SETUP) instanceof String sealed ? twoFactor.decrypt(sealed) : null;
		if (secret == null) {
			secret = TwoFactor.newSecret();
			session.setAttribute(SETUP, twoFactor.encrypt(secret));
		}
		Ui page = ui.of(request);
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("page",
				new AccountPages.TwoFactorPage("setup", false, 0, 0,
						QrCodes.svg(TwoFactor.otpauthUri(secret, me.email(), page.siteName()), page.t("twoFactor.qr")),
						secret, List.of(), errors, null, required()));
		return "accounts/two-factor";
	}

	@PostMapping("/account/two-factor/setup")
	String confirm(@Valid CodeForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String code = form.code();
		SignedIn me = SignedIn.current().orElseThrow();
		HttpSession session = request.getSession(false);
		String secret = session != null && session.getAttribute(SETUP) instanceof String sealed
				? twoFactor.decrypt(sealed) : null;
		if (secret == null || twoFactor.enabled(me.accountId())) {
			return "redirect:/account/two-factor/setup";
		}
		throttle(request, "2fa-settings:", me.accountId());
		Optional<List<String>> codes = twoFactor.enable(me.accountId(), secret, code);
		if (codes.isEmpty()) {
			response.setStatus(400);
			return setupPage(request, response, model,
					Map.of("code", code.isBlank() ? "twoFactor.error.empty" : "twoFactor.error.code"));
		}
		session.removeAttribute(SETUP);
		audit.record(me.accountId(), me.displayName(), "account.two-factor-enabled", "account", me.accountId(), null,
				null);
		return codes(response, model, codes.get(), "twoFactor.done.enabled");
	}

	@PostMapping("/account/two-factor/disable")
	String disable(@Valid DisableForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String password = form.password();
		String code = form.code();
		SignedIn me = SignedIn.current().orElseThrow();
		if (!twoFactor.enabled(me.accountId())) {
			return "redirect:/account/two-factor";
		}
		throttle(request, "2fa-settings:", me.accountId());
		Map<String, String> errors = FormErrors.of(binding);
		Account account = repository.findById(me.accountId()).orElseThrow();
		if (password.isEmpty() || !passwords.matches(password, account.passwordHash())) {
			errors.put("password", "account.error.currentPasswordUnchanged");
		}
		// the code is checked (and spent) only with the right password
		if (errors.isEmpty() && !twoFactor.accept(me.accountId(), code.strip())) {
			errors.put("code", code.isBlank() ? "twoFactor.error.empty" : "twoFactor.error.code");
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return status(request, model, errors, null);
		}
		twoFactor.disable(me.accountId());
		audit.record(me.accountId(), me.displayName(), "account.two-factor-disabled", "account", me.accountId(), null,
				null);
		return "redirect:/account/two-factor?disabled";
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String newRecoveryCodes(@Valid CodeForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String code = form.code();
		SignedIn me = SignedIn.current().orElseThrow();
		if (!twoFactor.enabled(me.accountId())) {
			return "redirect:/account/two-factor";
		}
		throttle(request, "2fa-settings:", me.accountId());
		if (!twoFactor.accept(me.accountId(), code.strip())) {
			response.setStatus(400);
			return status(request, model,
					Map.of("recoveryCode", code.isBlank() ? "twoFactor.error.empty" : "twoFactor.error.code"), null);
		}
		List<String> codes = twoFactor.replaceRecoveryCodes(me.accountId());
		audit.record(me.accountId(), me.displayName(), "account.recovery-codes-replaced", "account", me.accountId(),
				null, null);
		return codes(response, model, codes, "twoFactor.done.newCodes");
	}

}
