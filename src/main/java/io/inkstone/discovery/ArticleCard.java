package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.shared.Picture;
import java.util.ArrayList;
import java.util.function.Predicate;

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
	 * The image addresses a card of this article shows, in order: of the body's images
	 * only the site's own uploads ({@code own}), never a hot-linked picture elsewhere (it
	 * would track readers or break the card).
	 */
	static List<String> pictureUrls(ArticleSummary a, Predicate<String> own) {
		List<String> body = a.bodyImages().stream().filter(own).toList();
		if (body.size() >= 3) {
			return body.subList(0, 3);
		}
		if (a.coverImage() != null && !a.coverImage().isBlank()) {
			return List.of(a.coverImage());
		}
		return body.isEmpty() ? List.of() : List.of(body.get(0));
	}

	/** Candidate addresses to look up: the cover and every body image. */
	static List<String> candidateUrls(ArticleSummary a) {
		List<String> all = new ArrayList<>(a.bodyImages());
		if (a.coverImage() != null && !a.coverImage().isBlank()) {
			all.add(a.coverImage());
		}
		return all;
	}

}
