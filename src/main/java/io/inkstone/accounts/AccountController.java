package io.inkstone.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.RateLimiter;
import io.inkstone.web.UiFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /signup}, {@code /login} (the form; Spring Security handles the POST), {@code /setup}. */
@Controller
class AccountController {

	private final Accounts accounts;

	private final UiFactory ui;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final EmailVerification verification;

	private final io.inkstone.rules.Rules rules;

	private final RateLimiter limits;

	/** Sign-up attempts per client address and hour: bounds account farming and probing which e-mails exist. */
	private final int signupsPerAddressHour;

	AccountController(Accounts accounts, EmailVerification verification, UiFactory ui, io.inkstone.rules.Rules rules,
			RateLimiter limits, @Value("${inkstone.security.signups-per-address-hour:10}") int signupsPerAddressHour) {
		this.limits = limits;
		this.signupsPerAddressHour = signupsPerAddressHour;
		this.rules = rules;
		this.verification = verification;
		this.accounts = accounts;
		this.ui = ui;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error, HttpServletRequest request, Model model) {
		if (!accounts.hasAdmin()) {
			return "redirect:/setup";
		}
		model.addAttribute("page", new AccountPages.FormPage(ui.of(request), List.of(), "login", "", "", Map.of(),
				error != null));
		return "accounts/login";
	}

	@GetMapping("/signup")
	String signupForm(HttpServletRequest request, Model model) {
		model.addAttribute("page", new AccountPages.FormPage(ui.of(request), List.of(), "signup", "", "", Map.of(), false));
		return "accounts/signup";
	}

	@PostMapping("/signup")
	String signup(@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "password", defaultValue = "") String password,
			@RequestParam(name = "displayName", defaultValue = "") String displayName, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		long wait = limits.tryAcquire("signup-ip:" + request.getRemoteAddr(), signupsPerAddressHour, Duration.ofHours(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		return create(email, password, displayName, Role.READER, "signup", request, response, model);
	}

	@GetMapping("/account")
	String account(@RequestParam(name = "error", required = false) String error, HttpServletRequest request, Model model) {
		SignedIn me = SignedIn.current().orElseThrow();
		model.addAttribute("page", new AccountPages.FormPage(ui.of(request), List.of(), "account", me.email(),
				me.displayName(), error == null ? Map.of() : Map.of("password", "accounts.error.wrongPassword"),
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
			throw new io.inkstone.shared.BadRequestException("验证链接无效或已过期 / the verification link is not valid or has expired");
		}
		return "redirect:/account?verified";
	}

	/** 注销: deletes the signed-in reader's account after the password check, then signs out. */
	@PostMapping("/account/delete")
	String delete(@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response) throws jakarta.servlet.ServletException {
		SignedIn me = SignedIn.current().orElseThrow();
		if (!accounts.delete(me.accountId(), password)) {
			return "redirect:/account?error";
		}
		request.logout();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/?deleted";
	}

	/** First start with no admin: this page creates one. Gone (404) once an admin exists. */
	@GetMapping("/setup")
	String setupForm(HttpServletRequest request, Model model) {
		if (accounts.hasAdmin()) {
			throw new io.inkstone.shared.NotFoundException("setup done");
		}
		model.addAttribute("page", new AccountPages.FormPage(ui.of(request), List.of(), "setup", "", "", Map.of(), false));
		return "accounts/signup";
	}

	@PostMapping("/setup")
	String setup(@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "password", defaultValue = "") String password,
			@RequestParam(name = "displayName", defaultValue = "") String displayName, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		synchronized (this) {
			if (accounts.hasAdmin()) {
				throw new io.inkstone.shared.NotFoundException("setup done");
			}
			return create(email, password, displayName, Role.ADMIN, "setup", request, response, model);
		}
	}

	private String create(String email, String password, String displayName, Role role, String mode,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Map<String, String> errors = new java.util.TreeMap<>(accounts.validate(email, password, displayName));
		Optional<SignedIn> created = Optional.empty();
		if (errors.isEmpty()) {
			created = accounts.signUp(email, password, displayName, role);
			if (created.isEmpty()) {
				errors.put("email", "accounts.error.taken");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("page", new AccountPages.FormPage(ui.of(request), List.of(), mode, email, displayName,
					errors, false));
			return "accounts/signup";
		}
		signIn(created.get(), request, response);
		rules.accept(created.get().accountId(), io.inkstone.rules.Rules.COMMUNITY); // the sign-up form says so
		rules.accept(created.get().accountId(), io.inkstone.rules.Rules.PRIVACY);
		if (role == Role.READER) {
			verification.send(created.get().accountId());
		}
		return "redirect:" + (role == Role.ADMIN ? "/admin" : "/");
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
