/**
 * The reader-facing pages: home, channel, article and creator pages. Composition only: it
 * asks articles, creators, channels, engagement and discovery for their parts and hands
 * one page-model record to each template. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "articles", "channels", "creators", "discovery",
		"engagement", "feed", "governance", "media", "shared", "web" })
package io.inkstone.site;
