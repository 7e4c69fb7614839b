package io.inkstone.media;

import java.util.Optional;

import io.inkstone.articles.OwnImages;
import io.inkstone.shared.MarkdownRenderer;

import org.springframework.stereotype.Component;

/** Article bodies find their images' sizes and renditions in the media library. */
@Component
class MediaOwnImages implements OwnImages {

	private final Media media;

	MediaOwnImages(Media media) {
		this.media = media;
	}

	@Override
	public Optional<MarkdownRenderer.OwnImage> byUrl(String src) {
		return media.byUrl(src).map(item -> new MarkdownRenderer.OwnImage(item.width(), item.height(), item.srcset()));
	}

}
