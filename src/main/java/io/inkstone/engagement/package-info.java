/**
 * Engagement: reads and shares. Signals are de-duplicated per reader, bots are ignored,
 * counts are buffered by a {@link io.inkstone.engagement.CounterStore} and flushed to
 * {@code article_stats}; {@link io.inkstone.engagement.ArticleEngaged} events feed the
 * hot list. A counted read is also counted under where it came from
 * ({@link io.inkstone.engagement.Referrals}: direct, search, feed, internal, or another
 * site by its host alone), per article and day in {@code article_read_sources}, never per
 * reader.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "shared", "web" })
package io.inkstone.engagement;
