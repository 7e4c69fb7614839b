package io.inkstone.discovery;

import java.util.List;

/**
 * The search index has taken these articles' new state (it follows the change feed, so
 * this comes a moment after the change committed). What was computed from the index
 * meanwhile — related lists, stored article pages that show them — is computed again. Not
 * a second announcement of the change: the change itself is
 * {@link io.inkstone.articles.ArticleChangeCommitted}, once.
 */
public record SearchIndexChanged(List<Long> articleIds) {
}
