package io.inkstone.messages;

import io.inkstone.shared.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /messages}: the signed-in account's messages, newest first, twenty a page; the
 * page marks what it shows as read. {@code /messages/{id}} marks one read and goes to its
 * subject (404 for anyone else's); {@code /messages/read} marks all read. Anonymous
 * requests are sent to sign in (SecurityConfig).
 */
@Controller
class MessagesController {

	private final Messages messages;

	MessagesController(Messages messages) {
		this.messages = messages;
	}

	@GetMapping("/messages")
	String index(@RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "read", required = false) String read, Model model) {
		long me = SignedIn.current().orElseThrow().accountId();
		Messages.Page shown = messages.page(me, after); // marks them read: the header's
														// count already leaves them out
		model.addAttribute("page", new MessagesPage(shown.messages(), shown.next(), after == null, read != null));
		return "messages/index";
	}

	@GetMapping("/messages/{id}")
	String open(@PathVariable("id") long id) {
		return "redirect:" + messages.open(SignedIn.current().orElseThrow().accountId(), id);
	}

	@PostMapping("/messages/read")
	String readAll() {
		messages.markAllRead(SignedIn.current().orElseThrow().accountId());
		return "redirect:/messages?read";
	}

}
