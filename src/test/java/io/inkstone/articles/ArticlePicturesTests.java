package io.inkstone.articles;

import java.util.List;
import java.util.Map;

import io.inkstone.shared.Picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one picture rule (share image, feed enclosure, card) and the stored cover. */
class ArticlePicturesTests {

	static final String BIG = "/media/" + "a".repeat(64) + "/full.jpg";

	static final String SMALL = "/media/" + "b".repeat(64) + "/full.png";

	static final String EXTERNAL = "https://img.example/x.jpg";

	static final Map<String, Picture> KNOWN = Map.of(BIG, new Picture(BIG, "", 640, 480), SMALL,
			new Picture(SMALL, "", 200, 200));

	@Test
	void aLargeOwnCoverIsThePicture() {
		assertThat(ArticlePictures.pick(BIG, List.of(SMALL), KNOWN)).map(Picture::src).contains(BIG);
	}

	@Test
	void anExternalOrSmallCoverGivesWayToTheFirstLargeOwnBodyImage() {
		assertThat(ArticlePictures.pick(EXTERNAL, List.of(EXTERNAL, SMALL, BIG), KNOWN)).map(Picture::src)
			.contains(BIG);
		assertThat(ArticlePictures.pick(SMALL, List.of(SMALL, BIG), KNOWN)).map(Picture::src).contains(BIG);
		assertThat(ArticlePictures.pick(EXTERNAL, List.of(EXTERNAL, SMALL), KNOWN)).isEmpty();
		// an own-looking address the library does not know is no picture either
		assertThat(ArticlePictures.pick("/media/" + "c".repeat(64) + "/full.jpg", List.of(), KNOWN)).isEmpty();
	}

	@Test
	void theStoredCoverIsOwnMediaOnly() {
		String body = "<p><img src=\"" + EXTERNAL + "\"><img src=\"" + SMALL + "\"></p>";
		assertThat(ArticleRepository.coverOf(EXTERNAL, body)).isEqualTo(SMALL);
		assertThat(ArticleRepository.coverOf(null, "<img src=\"" + EXTERNAL + "\">")).isNull();
		assertThat(ArticleRepository.coverOf(BIG, body)).isEqualTo(BIG);
		assertThat(ArticleRepository.coverOf("//evil.example/media/" + "a".repeat(64) + "/full.jpg", "")).isNull();
	}

}
