/**
 * Articles: the content model (Markdown rendered to sanitized HTML at write time), the
 * status machine ({@link io.inkstone.articles.ArticleLifecycle}: draft → pending →
 * published / rejected → removed, and the creator's trash), keyset listings and imports.
 * Other modules read through {@link io.inkstone.articles.Articles}; durable reactions
 * listen to {@link io.inkstone.articles.ArticleChanged}, caches to
 * {@link io.inkstone.articles.ArticleChangeCommitted} (after commit, and for other nodes'
 * changes too), and derived indexes follow the change feed as an
 * {@link io.inkstone.articles.ArticleFeedFollower} of
 * {@link io.inkstone.articles.ArticleFeed}. The machine review and the media library plug
 * in through ports ({@link io.inkstone.articles.PublishingGate},
 * {@link io.inkstone.articles.OwnImages}). The studio's pages live in {@code studio}, so
 * this module depends on nothing but {@code channels} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "channels", "shared" })
package io.inkstone.articles;
