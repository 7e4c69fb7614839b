package io.inkstone.articles;

/** The light form of a change-feed entry: which article, at which sequence. */
public record ChangeKey(long id, long changeSeq) {
}
