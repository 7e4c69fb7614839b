package io.inkstone.feed;

import java.util.List;

/** Page models of the feed. */
public final class FeedPages {

	private FeedPages() {
	}

	public record Feed(List<FeedItem> items, boolean personalised) {
	}

	public record Settings(List<Interest> interests, boolean personalised) {
	}

}
