package io.inkstone.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What listings show of an article: enough for a card or a hot-list line.
 *
 * @param bodyImages the first of the body's images from the site's own media (at most
 * {@link #CANDIDATE_IMAGES}), for picture cards (三图): hot-linked images are never card
 * pictures, so they are not read
 */
public record ArticleSummary(long id, String title, String summary, long creatorId, long channelId, long publishedAt,
		boolean original, String aigc, String coverImage, List<String> bodyImages) {

	/** The most body images a card shows. */
	public static final int CARD_IMAGES = 3;

	/**
	 * The most own body images read per card: some may prove too small to be a picture.
	 */
	public static final int CANDIDATE_IMAGES = 6;

	private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]+)\"");

	public ArticleSummary {
		bodyImages = bodyImages == null ? List.of() : List.copyOf(bodyImages);
	}

	/** A summary without body images (listings that have only the columns). */
	public ArticleSummary(long id, String title, String summary, long creatorId, long channelId, long publishedAt,
			boolean original, String aigc, String coverImage) {
		this(id, title, summary, creatorId, channelId, publishedAt, original, aigc, coverImage, List.of());
	}

	/**
	 * The first distinct image sources of sanitized body HTML (the sanitizer writes
	 * {@code src="…"} with double quotes); a quick scan, no parse, since listings call it
	 * for every row.
	 */
	static List<String> imagesOf(String html) {
		if (html == null || !html.contains("<img")) {
			return List.of();
		}
		List<String> found = new ArrayList<>(CANDIDATE_IMAGES);
		Matcher m = IMG_SRC.matcher(html);
		while (found.size() < CANDIDATE_IMAGES && m.find()) {
			String src = m.group(1).replace("&amp;", "&");
			if (ArticlePictures.ownMediaAddress(src) && !found.contains(src)) {
				found.add(src);
			}
		}
		return found;
	}

}
