package io.inkstone.discovery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.inkstone.articles.ArticlePictures;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;

import org.springframework.stereotype.Component;
import io.inkstone.shared.Picture;
import java.util.Set;

/**
 * Turns article summaries into cards with their creators' names, in one batched lookup.
 */
@Component
public class ArticleCards {

	private final Creators creators;

	private final AiSuspicions aiLabels;

	private final ArticlePictures pictures;

	ArticleCards(Creators creators, AiSuspicions aiLabels, ArticlePictures pictures) {
		this.aiLabels = aiLabels;
		this.creators = creators;
		this.pictures = pictures;
	}

	public List<ArticleCard> of(List<ArticleSummary> summaries) {
		Map<Long, Creator> names = creators
			.getAll(summaries.stream().map(ArticleSummary::creatorId).collect(Collectors.toSet()));
		Map<String, Picture> known = knownPictures(summaries);
		return summaries.stream().map(a -> {
			Creator c = names.get(a.creatorId());
			List<Picture> shown = ArticleCard.pictures(a, known);
			return new ArticleCard(a, c == null ? "" : c.displayName(), c == null ? "" : c.handle(),
					aiLabels.suspected(a.id()), shown);
		}).toList();
	}

	/**
	 * The renditions and sizes of the uploaded images among the cards' pictures: one
	 * lookup for the list.
	 */
	private Map<String, Picture> knownPictures(List<ArticleSummary> summaries) {
		Set<String> urls = summaries.stream()
			.flatMap(a -> ArticlePictures.candidates(a.coverImage(), a.bodyImages()).stream())
			.collect(Collectors.toSet());
		return urls.isEmpty() ? Map.of() : pictures.known(urls);
	}

}
