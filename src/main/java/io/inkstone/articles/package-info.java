/**
 * Articles: the content model (Markdown rendered to sanitized HTML at write time), the status machine
 * ({@link io.inkstone.articles.ArticleLifecycle}: draft → pending → published / rejected → removed, and the creator's
 * trash), keyset listings and imports. Other modules read through {@link io.inkstone.articles.Articles} and react to
 * {@link io.inkstone.articles.ArticleChanged}; the machine review and the media library plug in through ports
 * ({@link io.inkstone.articles.PublishingGate}, {@link io.inkstone.articles.OwnImages}). The studio's pages live in
 * {@code studio}, so this module depends on nothing but {@code channels} and {@code shared}.
 */
package io.inkstone.articles;
