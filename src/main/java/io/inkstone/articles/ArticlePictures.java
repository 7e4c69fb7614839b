package io.inkstone.articles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.inkstone.shared.MarkdownRenderer;
import io.inkstone.shared.Picture;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one rule for an article's picture, wherever it is shown: the share image
 * ({@code og:image}, {@code twitter:image}), the JSON-LD image, the feed enclosure and
 * {@code media:content}, and the picture of a list card. Only the site's own media of at
 * least {@value #MIN_SIDE} px each way (WeChat's rule for link cards) qualifies: the
 * cover when it is such an image, else the body's first such image. A hot-linked image
 * elsewhere never is one (its size is unknown, it would track readers or break), nor is
 * an icon-sized upload.
 */
@Component
public class ArticlePictures {

	/** The shortest side a picture may have, in pixels. */
	public static final int MIN_SIDE = 300;

	/** The address of an uploaded image (any rendition) on this site. */
	private static final Pattern OWN = Pattern.compile("/media/[0-9a-f]{64}/(?:full|[0-9]{2,4})\\.(?:jpg|png|gif)");

	private final ObjectProvider<Picture.Source> source;

	ArticlePictures(ObjectProvider<Picture.Source> source) {
		this.source = source;
	}

	/**
	 * Whether an address has the form of this site's media (a cover must have it; the
	 * library lookup then says whether the image exists and how large it is).
	 */
	public static boolean ownMediaAddress(String url) {
		return url != null && OWN.matcher(url.strip()).matches();
	}

	/** Whether a known picture is large enough to stand for an article. */
	public static boolean large(Picture picture) {
		return picture != null && picture.width() >= MIN_SIDE && picture.height() >= MIN_SIDE;
	}

	/** The picture of one article (its address relative to the site), if it has one. */
	public Optional<Picture> of(Article article) {
		List<String> body = MarkdownRenderer.imageSources(article.bodyHtml());
		return pick(article.coverImage(), body, known(candidates(article.coverImage(), body)));
	}

	/**
	 * The site's own images among {@code urls} with their sizes and renditions, keyed by
	 * the address asked for: one lookup for a whole list.
	 */
	public Map<String, Picture> known(Collection<String> urls) {
		Picture.Source pictures = source.getIfAvailable();
		List<String> own = urls.stream().filter(ArticlePictures::ownMediaAddress).distinct().toList();
		return pictures == null || own.isEmpty() ? Map.of() : pictures.pictures(own);
	}

	/** The addresses {@link #pick} may look at: every body image and the cover. */
	public static List<String> candidates(String cover, List<String> bodyImages) {
		List<String> all = new ArrayList<>(bodyImages);
		if (cover != null && !cover.isBlank()) {
			all.add(cover.strip());
		}
		return all;
	}

	/**
	 * The rule itself: the cover when it is a large own image, else the body's first
	 * large own image ({@code known} holds the own images found, see {@link #known}).
	 */
	public static Optional<Picture> pick(String cover, List<String> bodyImages, Map<String, Picture> known) {
		if (cover != null && large(known.get(cover.strip()))) {
			return Optional.of(known.get(cover.strip()));
		}
		return bodyImages.stream().map(known::get).filter(ArticlePictures::large).findFirst();
	}

	/** The body's large own images, in order (a 三图 card shows the first three). */
	public static List<Picture> largeBodyImages(List<String> bodyImages, Map<String, Picture> known) {
		return bodyImages.stream().map(known::get).filter(ArticlePictures::large).toList();
	}

}
