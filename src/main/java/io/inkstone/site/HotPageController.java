package io.inkstone.site;

import java.util.Optional;

import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.discovery.HotList;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * 热榜: {@code /hot} (the site) and {@code /channels/{slug}/hot} (one channel), with rank,
 * heat and the move since the previous hour. Shared pages like the home page;
 * {@code /hot?channel=slug} redirects to the channel's address.
 */
@Controller
class HotPageController {

	static final int SIZE = 50;

	private final HotList hot;

	private final Channels channels;

	HotPageController(HotList hot, Channels channels) {
		this.hot = hot;
		this.channels = channels;
	}

	@GetMapping("/hot")
	Object site(@RequestParam(name = "channel", required = false) String channel, Model model) {
		if (channel != null) {
			Channel found = channels.get(channel); // 404 for an unknown channel
			RedirectView redirect = new RedirectView("/channels/" + Pages.pathSegment(found.slug()) + "/hot", false,
					false);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		model.addAttribute("page", new Pages.HotPage(null, hot.siteEntries(SIZE)));
		return "hot/show";
	}

	@GetMapping("/channels/{slug}/hot")
	Object channel(@PathVariable String slug, Model model) {
		Optional<String> merged = channels.mergedInto(slug);
		if (merged.isPresent()) {
			RedirectView moved = new RedirectView("/channels/" + Pages.pathSegment(merged.get()) + "/hot", false,
					false);
			moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return moved;
		}
		Channel channel = channels.get(slug);
		model.addAttribute("page", new Pages.HotPage(channel, hot.channelEntries(channel.id(), SIZE)));
		return "hot/show";
	}

}
