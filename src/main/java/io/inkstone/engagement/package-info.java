/**
 * Engagement: reads and shares. Signals are de-duplicated per reader, bots are ignored,
 * counts are buffered by a {@link io.inkstone.engagement.CounterStore} and flushed to
 * {@code article_stats}; {@link io.inkstone.engagement.ArticleEngaged} events feed the
 * hot list.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "shared", "web" })
package io.inkstone.engagement;
