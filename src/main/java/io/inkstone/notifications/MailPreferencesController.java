package io.inkstone.notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/notifications}: which kinds of message-centre notice also come by mail.
 * {@code /mail/unsubscribe}: the link in every such mail, signed and working without
 * signing in; a GET asks for confirmation (link scanners must not unsubscribe anyone), a
 * POST — the button, or a mail client's RFC 8058 one-click request — turns the kind off.
 */
@Controller
class MailPreferencesController {

	private final MailPreferences preferences;

	MailPreferencesController(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/account/notifications")
	String show(@RequestParam(name = "saved", required = false) String saved, Model model) {
		long me = SignedIn.current().orElseThrow().accountId();
		List<NotificationPages.MailChoice> choices = preferences.of(me)
			.entrySet()
			.stream()
			.map(e -> new NotificationPages.MailChoice(e.getKey().code(), e.getValue()))
			.toList();
		model.addAttribute("page", new NotificationPages.Notifications(choices, saved != null));
		return "notifications/preferences";
	}

	@PostMapping("/account/notifications")
	String save(@RequestParam(name = "mail", required = false) Set<String> mail) {
		long me = SignedIn.current().orElseThrow().accountId();
		Set<String> chosen = mail == null ? Set.of() : mail;
		Map<NoticeKind, Boolean> choices = new EnumMap<>(NoticeKind.class);
		for (NoticeKind kind : NoticeKind.values()) {
			choices.put(kind, chosen.contains(kind.code()));
		}
		preferences.setAll(me, choices);
		return "redirect:/account/notifications?saved";
	}

	@GetMapping("/mail/unsubscribe")
	String confirm(@RequestParam(name = "t", defaultValue = "") String token, Model model) {
		MailPreferences.Unsubscribe target = verified(token);
		model.addAttribute("page", new NotificationPages.Unsubscribe(token, target.kind().code(), false));
		return "notifications/unsubscribe";
	}

	@PostMapping("/mail/unsubscribe")
	String unsubscribe(@RequestParam(name = "t", defaultValue = "") String token, Model model) {
		MailPreferences.Unsubscribe target = verified(token);
		preferences.set(target.accountId(), target.kind(), false);
		model.addAttribute("page", new NotificationPages.Unsubscribe(token, target.kind().code(), true));
		return "notifications/unsubscribe";
	}

	private MailPreferences.Unsubscribe verified(String token) {
		return preferences.verify(token)
			.orElseThrow(() -> new BadRequestException("problem.accounts.theUnsubscribeLinkIsNotValid"));
	}

}
