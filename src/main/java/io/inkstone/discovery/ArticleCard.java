package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.shared.Picture;
import java.util.Map;

import io.inkstone.articles.ArticlePictures;

/**
 * An article as lists show it (hot list, related, headlines, channel pages): summary plus
 * creator name and the pictures of its card.
 *
 * @param pictures the cover, else the first body image (单图); the first three body images
 * when it has three (三图); none (无图)
 */
public record ArticleCard(ArticleSummary article, String creatorName, String creatorHandle, boolean aiSuspected,
		List<Picture> pictures) {

	public ArticleCard {
		pictures = pictures == null ? List.of() : List.copyOf(pictures);
	}

	public ArticleCard(ArticleSummary article, String creatorName, String creatorHandle, boolean aiSuspected) {
		this(article, creatorName, creatorHandle, aiSuspected, List.of());
	}

	/** The card layout: {@code three} (三图), {@code single} (单图) or {@code text} (无图). */
	public String layout() {
		return pictures.size() >= 3 ? "three" : pictures.isEmpty() ? "text" : "single";
	}

	/** The card's first picture (the lead story's large one), or null. */
	public Picture picture() {
		return pictures.isEmpty() ? null : pictures.get(0);
	}

	/**
	 * The pictures a card of this article shows, in order, from the site's own images
	 * found ({@code known}): three large body images (三图), else the article's picture by
	 * the one rule of {@link ArticlePictures} (单图), else none. A hot-linked image
	 * elsewhere or an icon-sized upload is never a card picture.
	 */
	static List<Picture> pictures(ArticleSummary a, Map<String, Picture> known) {
		List<Picture> body = ArticlePictures.largeBodyImages(a.bodyImages(), known);
		if (body.size() >= 3) {
			return body.subList(0, 3);
		}
		return ArticlePictures.pick(a.coverImage(), a.bodyImages(), known).map(List::of).orElse(List.of());
	}

}
