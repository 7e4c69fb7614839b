package io.inkstone.media;

import java.util.List;

import io.inkstone.creators.Creator;

/** Page models of the media library. */
public final class MediaPages {

	private MediaPages() {
	}

	/**
	 * @param error a field message for the upload form (alt text, missing file), or null
	 * @param uploaded the item just uploaded, shown first with its Markdown to copy
	 */
	/** The creator's profile form: current values and an error message, or null. */
	public record Profile(Creator creator, String tagline, String error) {
	}

	public record Library(List<MediaItem> items, String error, MediaItem uploaded, String maxSize) {
	}

}
