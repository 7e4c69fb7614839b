package io.inkstone.feed;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /feed}: the 推荐 feed with a reason on every item; {@code /feed/settings}:
 * interest tags and the switch.
 */
@Controller
class FeedController {

	private final Feed feed;

	private final Interests interests;

	FeedController(Feed feed, Interests interests) {
		this.feed = feed;
		this.interests = interests;
	}

	@GetMapping("/feed")
	String feed(HttpServletRequest request, Model model) {
		long me = SignedIn.current().orElseThrow().accountId();
		model.addAttribute("page",
				new FeedPages.Feed(feed.forReader(me, ReaderKey.of(request)), interests.personalised(me)));
		return "feed/index";
	}

	@GetMapping("/feed/settings")
	String settings(Model model) {
		long me = SignedIn.current().orElseThrow().accountId();
		model.addAttribute("page", new FeedPages.Settings(interests.of(me), interests.personalised(me)));
		return "feed/settings";
	}

	@PostMapping("/feed/settings/personalisation")
	String personalisation(@RequestParam(name = "on", defaultValue = "false") boolean on) {
		interests.setPersonalised(SignedIn.current().orElseThrow().accountId(), on);
		return "redirect:/feed/settings";
	}

	@PostMapping("/feed/interests/delete")
	String delete(@RequestParam(name = "tag", defaultValue = "") String tag) {
		interests.remove(SignedIn.current().orElseThrow().accountId(), tag);
		return "redirect:/feed/settings";
	}

}
