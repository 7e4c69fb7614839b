/**
 * Articles: the content model (Markdown rendered to sanitized HTML at write time), the status
 * machine (draft → pending → published / rejected → removed), keyset listings and imports.
 * Other modules read through {@link io.inkstone.articles.Articles}; durable reactions listen to
 * {@link io.inkstone.articles.ArticleChanged}, caches to {@link io.inkstone.articles.ArticleChangeCommitted} (after
 * commit, and for other nodes' changes too), and derived indexes follow the change feed as an
 * {@link io.inkstone.articles.ArticleFeedFollower} of {@link io.inkstone.articles.ArticleFeed}.
 */
package io.inkstone.articles;
