/**
 * Articles: the content model (Markdown rendered to sanitized HTML at write time), the status
 * machine (draft → pending → published / rejected → removed), keyset listings and imports.
 * Other modules read through {@link io.inkstone.articles.Articles} and react to
 * {@link io.inkstone.articles.ArticleChanged}.
 */
package io.inkstone.articles;
