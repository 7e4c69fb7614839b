/**
 * Discovery: the hot list (热点推荐, forward-decayed engagement), related articles (相关推荐,
 * Lucene MoreLikeThis over a Chinese analyzer), the search index and the suggestions,
 * which follow the articles change feed ({@link io.inkstone.articles.ArticleFeed}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "articles", "audit", "channels", "creators",
		"engagement", "shared", "similarity", "web" })
package io.inkstone.discovery;
