/**
 * Discovery: the hot list (热点推荐, forward-decayed engagement), related articles (相关推荐, Lucene
 * MoreLikeThis over a Chinese analyzer) and the search index that follows the articles change feed.
 */
package io.inkstone.discovery;
