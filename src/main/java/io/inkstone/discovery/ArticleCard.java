package io.inkstone.discovery;

import io.inkstone.articles.ArticleSummary;

/** An article as lists show it (hot list, related, headlines, channel pages): summary plus creator name. */
public record ArticleCard(ArticleSummary article, String creatorName, String creatorHandle, boolean aiSuspected) {
}
