package io.inkstone.media;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the media library. */
public final class MediaPages {

	private MediaPages() {
	}

	/**
	 * @param error a field message for the upload form (alt text, missing file), or null
	 * @param uploaded the item just uploaded, shown first with its Markdown to copy
	 */
	public record Library(Ui ui, List<Channel> nav, List<MediaItem> items, String error, MediaItem uploaded,
			String maxSize) {
	}

}
