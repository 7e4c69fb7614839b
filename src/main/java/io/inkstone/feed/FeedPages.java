package io.inkstone.feed;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the feed. */
public final class FeedPages {

	private FeedPages() {
	}

	public record Feed(Ui ui, List<Channel> nav, List<FeedItem> items, boolean personalised) {
	}

	public record Settings(Ui ui, List<Channel> nav, List<Interest> interests, boolean personalised) {
	}

}
