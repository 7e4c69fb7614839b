package io.inkstone.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.inkstone.accounts.AccountForms.DeleteForm;
import io.inkstone.accounts.AccountForms.SignUpForm;

import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.ClientAddresses;
import io.inkstone.web.FormErrors;
import io.inkstone.web.RateLimiter;

import io.inkstone.web.WebSecurityProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.rules.Rules;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import jakarta.servlet.ServletException;

/**
 * {@code /signup}, {@code /login} (the form; Spring Security handles the POST),
 * {@code /setup}.
 */
@Controller
class AccountController {

	private final Accounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final EmailVerification verification;

	private final Rules rules;

	private final RateLimiter limits;

	private final SignUps signUps;

	/**
	 * Sign-up attempts per client address and hour: bounds account farming and probing
	 * which e-mails exist.
	 */
	private final int signupsPerAddressHour;

	AccountController(Accounts accounts, EmailVerification verification, Rules rules, RateLimiter limits,
			WebSecurityProperties security, SignUps signUps) {
		this.signUps = signUps;
		this.limits = limits;
		this.signupsPerAddressHour = security.signupsPerAddressHour();
		this.rules = rules;
		this.verification = verification;
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error, HttpServletRequest request,
			Model model) {
		if (!accounts.hasAdmin()) {
			return "redirect:/setup";
		}
		model.addAttribute("page",
				new AccountPages.FormPage(
						request.getParameter("ended") != null ? "login-ended"
								: request.getParameter("suspended") != null ? "login-suspended" : "login",
						"", "", Map.of(), error != null));
		return "accounts/login";
	}

	@GetMapping("/signup")
	String signupForm(@RequestParam(name = "sent", required = false) String sent, Model model) {
		model.addAttribute("page",
				new AccountPages.FormPage(sent != null ? "sent" : "signup", "", "", Map.of(), false));
		return "accounts/signup";
	}

	/**
	 * The link of a sign-up mail: a button that creates the account (a GET changes
	 * nothing, so link scanners do not).
	 */
	@GetMapping("/signup/confirm")
	String confirmForm(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response,
			Model model) {
		boolean valid = signUps.pending(token).isPresent();
		if (!valid) {
			response.setStatus(400);
		}
		model.addAttribute("page",
				new AccountPages.FormPage(valid ? "confirm" : "confirm-invalid", token, "", Map.of(), false));
		return "accounts/signup";
	}

	@PostMapping("/signup/confirm")
	String confirm(@RequestParam(name = "token", defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignUps.Confirmation confirmation = signUps.confirm(token);
		if (confirmation.outcome() != SignUps.Outcome.CREATED) {
			response.setStatus(confirmation.outcome() == SignUps.Outcome.TAKEN ? 409 : 400);
			model.addAttribute("page",
					new AccountPages.FormPage(
							confirmation.outcome() == SignUps.Outcome.TAKEN ? "confirm-taken" : "confirm-invalid", "",
							"", Map.of(), false));
			return "accounts/signup";
		}
		welcome(confirmation.account(), request, response);
		return "redirect:/";
	}

	@PostMapping("/signup")
	String signup(@Valid SignUpForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		long wait = limits.tryAcquire("signup-ip:" + ClientAddresses.limitKey(request.getRemoteAddr()),
				signupsPerAddressHour, Duration.ofHours(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		if (verification.required()) {
			// with mail, the answer is the same whether or not the address is registered:
			// the mailbox tells
			Map<String, String> errors = errors(form, binding);
			if (!errors.isEmpty()) {
				response.setStatus(400);
				model.addAttribute("page",
						new AccountPages.FormPage("signup", form.email(), form.displayName(), errors, false));
				return "accounts/signup";
			}
			signUps.request(form.email(), form.password(), form.displayName());
			return "redirect:/signup?sent";
		}
		return create(form, binding, Role.READER, "signup", request, response, model);
	}

	@GetMapping("/account")
	String account(@RequestParam(name = "error", required = false) String error, Model model) {
		SignedIn me = SignedIn.current().orElseThrow();
		model.addAttribute("page",
				new AccountPages.FormPage("account", me.email(), me.displayName(),
						error == null ? Map.of() : Map.of("password", "accounts.error.wrongPassword"),
						verification.required() && !verification.verified(me.accountId())));
		return "accounts/account";
	}

	@PostMapping("/account/verify")
	String resendVerification() {
		verification.send(SignedIn.current().orElseThrow().accountId());
		return "redirect:/account?sent";
	}

	@GetMapping("/account/verify")
	String verify(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response) {
		if (!verification.verify(token)) {
			throw new BadRequestException("problem.accounts.theVerificationLinkIsNotValid");
		}
		return "redirect:/account?verified";
	}

	/**
	 * 注销: deletes the signed-in reader's account after the password check, then signs
	 * out.
	 */
	@PostMapping("/account/delete")
	String delete(@Valid DeleteForm form, BindingResult binding, HttpServletRequest request) throws ServletException {
		SignedIn me = SignedIn.current().orElseThrow();
		if (!accounts.delete(me.accountId(), form.password())) {
			return "redirect:/account?error";
		}
		request.logout();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/?deleted";
	}

	/**
	 * First start with no admin: this page creates one. Gone (404) once an admin exists.
	 */
	@GetMapping("/setup")
	String setupForm(Model model) {
		if (accounts.hasAdmin()) {
			throw new NotFoundException("setup done");
		}
		model.addAttribute("page", new AccountPages.FormPage("setup", "", "", Map.of(), false));
		return "accounts/signup";
	}

	@PostMapping("/setup")
	String setup(@Valid SignUpForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		synchronized (this) {
			if (accounts.hasAdmin()) {
				throw new NotFoundException("setup done");
			}
			return create(form, binding, Role.ADMIN, "setup", request, response, model);
		}
	}

	/** What the form's binding refused, then what {@link Accounts#validate} refuses. */
	private Map<String, String> errors(SignUpForm form, BindingResult binding) {
		Map<String, String> errors = FormErrors.of(binding);
		accounts.validate(form.email(), form.password(), form.displayName()).forEach(errors::putIfAbsent);
		return errors;
	}

	private String create(SignUpForm form, BindingResult binding, Role role, String mode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = errors(form, binding);
		Optional<SignedIn> created = Optional.empty();
		if (errors.isEmpty()) {
			created = accounts.signUp(form.email(), form.password(), form.displayName(), role);
			if (created.isEmpty()) {
				errors.put("email", "accounts.error.taken");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("page",
					new AccountPages.FormPage(mode, form.email(), form.displayName(), errors, false));
			return "accounts/signup";
		}
		welcome(created.get(), request, response);
		if (role == Role.READER) {
			verification.send(created.get().accountId());
		}
		return "redirect:" + (role == Role.ADMIN ? "/admin" : "/");
	}

	/** Signs a new account in and records the rules its sign-up form accepted. */
	private void welcome(SignedIn account, HttpServletRequest request, HttpServletResponse response) {
		signIn(account, request, response);
		rules.accept(account.accountId(), Rules.COMMUNITY); // the sign-up form says so
		rules.accept(account.accountId(), Rules.PRIVACY);
	}

	/** Signs the new account in, with a fresh session id (no fixation). */
	private void signIn(SignedIn account, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal principal = (AccountPrincipal) accounts.loadUserByUsername(account.email());
		UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		request.getSession(true);
		new ChangeSessionIdAuthenticationStrategy().onAuthentication(auth, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
