package io.inkstone.web;

import java.util.List;
import java.util.function.Supplier;

/**
 * The channel strip under the site header (the reader pages' navigation), asked for at
 * most once per request and only when a page shows it: {@link PageChrome} puts one in
 * every page's model, and a template that shows the strip hands it to the layout.
 */
public final class ChannelStrip {

	/** One channel in the strip. */
	public record Link(String slug, String name) {
	}

	/**
	 * The channels the strip shows, in order; implemented by the module that knows which
	 * channels have content.
	 */
	public interface Source {

		List<Link> links();

	}

	private final Supplier<List<Link>> source;

	private List<Link> links;

	ChannelStrip(Supplier<List<Link>> source) {
		this.source = source;
	}

	/** A strip of these channels. */
	public static ChannelStrip of(List<Link> links) {
		return new ChannelStrip(() -> links);
	}

	public List<Link> links() {
		if (links == null) {
			links = source.get();
		}
		return links;
	}

}
