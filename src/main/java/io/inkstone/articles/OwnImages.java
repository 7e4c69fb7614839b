package io.inkstone.articles;

import java.util.Optional;

import io.inkstone.shared.MarkdownRenderer;

/**
 * The site's own images (its media library) as an article body shows them: size and
 * renditions for a URL. The media module implements it; without it bodies keep plain
 * images.
 */
public interface OwnImages {

	Optional<MarkdownRenderer.OwnImage> byUrl(String src);

}
