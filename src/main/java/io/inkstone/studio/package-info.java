/**
 * The creator's studio ({@code /studio/**}) and the admin's list of deleted articles:
 * composition only. Its controllers put together what a creator sees about their articles
 * — the article's own state from {@link io.inkstone.articles.Articles}, counts from
 * engagement, followers from creators, the media library, review notes through
 * {@link io.inkstone.articles.StudioNotes} — so that {@code articles} itself depends on
 * none of them. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "audit", "channels",
		"creators", "engagement", "media", "shared", "web" })
package io.inkstone.studio;
