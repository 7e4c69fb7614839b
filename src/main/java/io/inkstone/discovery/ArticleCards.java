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

	private final io.inkstone.governance.AiLabels aiLabels;

	ArticleCards(Creators creators, io.inkstone.governance.AiLabels aiLabels) {
		this.aiLabels = aiLabels;
		this.creators = creators;
	}

	public List<ArticleCard> of(List<ArticleSummary> summaries) {
		Map<Long, Creator> names = creators.getAll(summaries.stream().map(ArticleSummary::creatorId).collect(Collectors.toSet()));
		return summaries.stream().map(a -> {
			Creator c = names.get(a.creatorId());
			return new ArticleCard(a, c == null ? "" : c.displayName(), c == null ? "" : c.handle(), aiLabels.suspected(a.id()));
		}).toList();
	}

}
