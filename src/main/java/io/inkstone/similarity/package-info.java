/**
 * Similarity: how alike two texts are, for every module that needs to know. Text folding
 * ({@link io.inkstone.similarity.TextNormalizer}: width, script, inserted characters),
 * 256-bit SimHash signatures and bigram overlap ({@link io.inkstone.similarity.SimHash}),
 * and the originality index ({@link io.inkstone.similarity.OriginalityEngine}): a
 * signature for every public article, kept in {@code article_fingerprints} by following
 * the articles change feed, answering near-duplicate questions for moderation's machine
 * review, the hot list and related articles; and passages copied into a longer text
 * ({@link io.inkstone.similarity.Winnowing} fingerprints in
 * {@code article_passage_prints}, following the same feed, measured exactly by
 * {@link io.inkstone.similarity.Passages}).
 * {@link io.inkstone.similarity.MatchHighlighter} marks the passages two texts share for
 * the reviewer. No decisions are taken here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "articles" })
package io.inkstone.similarity;
