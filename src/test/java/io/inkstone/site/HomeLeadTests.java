package io.inkstone.site;

import java.util.List;

import io.inkstone.discovery.ArticleCard;
import io.inkstone.shared.Picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's lead story is the newest article with a picture, so the page opens with
 * a large one even when the very newest article is text only; the others keep their
 * order.
 */
class HomeLeadTests {

	private static ArticleCard card(String name, boolean picture) {
		return new ArticleCard(null, name, name, false,
				picture ? List.of(new Picture("/media/" + name + ".jpg", "", 1200, 800)) : List.of());
	}

	private static List<String> names(List<ArticleCard> cards) {
		return cards.stream().map(ArticleCard::creatorName).toList();
	}

	@Test
	void theNewestArticleWithAPictureLeadsAndTheRestKeepTheirOrder() {
		List<ArticleCard> latest = List.of(card("text1", false), card("text2", false), card("pic", true),
				card("text3", false), card("pic2", true));
		assertThat(names(HomeController.leadFirst(latest))).containsExactly("pic", "text1", "text2", "text3", "pic2");
	}

	@Test
	void aNewestArticleWithAPictureStaysAndWithoutAnyPictureTheNewestLeadsAsText() {
		List<ArticleCard> first = List.of(card("pic", true), card("text", false), card("pic2", true));
		assertThat(names(HomeController.leadFirst(first))).containsExactly("pic", "text", "pic2");
		List<ArticleCard> none = List.of(card("a", false), card("b", false));
		assertThat(names(HomeController.leadFirst(none))).containsExactly("a", "b");
		assertThat(HomeController.leadFirst(List.of())).isEmpty();
	}

}
