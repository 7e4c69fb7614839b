package io.inkstone.discovery;

/**
 * One search result: the article id and a highlighted snippet (HTML-escaped text with
 * {@code <mark>}).
 */
record SearchHit(long articleId, String titleHtml, String snippetHtml) {
}
