package io.inkstone.discovery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;

import org.springframework.stereotype.Component;

/** Turns article summaries into cards with their creators' names, in one batched lookup. */
@Component
public class ArticleCards {

	private final Creators creators;

	private final AiSuspicions aiLabels;

	private final org.springframework.beans.factory.ObjectProvider<io.inkstone.shared.Picture.Source> pictures;

	ArticleCards(Creators creators, AiSuspicions aiLabels,
			org.springframework.beans.factory.ObjectProvider<io.inkstone.shared.Picture.Source> pictures) {
		this.aiLabels = aiLabels;
		this.creators = creators;
		this.pictures = pictures;
	}

	public List<ArticleCard> of(List<ArticleSummary> summaries) {
		Map<Long, Creator> names = creators.getAll(summaries.stream().map(ArticleSummary::creatorId).collect(Collectors.toSet()));
		Map<String, io.inkstone.shared.Picture> known = knownPictures(summaries);
		return summaries.stream().map(a -> {
			Creator c = names.get(a.creatorId());
			List<io.inkstone.shared.Picture> shown = ArticleCard.pictureUrls(a, known::containsKey)
				.stream()
				.map(url -> known.getOrDefault(url, io.inkstone.shared.Picture.of(url)))
				.toList();
			return new ArticleCard(a, c == null ? "" : c.displayName(), c == null ? "" : c.handle(), aiLabels.suspected(a.id()),
					shown);
		}).toList();
	}

	/** The renditions and sizes of the uploaded images among the cards' pictures: one lookup for the list. */
	private Map<String, io.inkstone.shared.Picture> knownPictures(List<ArticleSummary> summaries) {
		io.inkstone.shared.Picture.Source source = pictures.getIfAvailable();
		if (source == null) {
			return Map.of();
		}
		java.util.Set<String> urls = summaries.stream().flatMap(a -> ArticleCard.candidateUrls(a).stream()).collect(Collectors.toSet());
		return urls.isEmpty() ? Map.of() : source.pictures(urls);
	}

}
