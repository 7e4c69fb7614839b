package io.inkstone.engagement;

/**
 * A reader liked an article. {@code readerKey} identifies the reader as
 * {@link io.inkstone.shared.ReaderKey} does ({@code u<hex account id>} for a signed-in
 * reader). The hot list listens to {@link ArticleEngaged}; this one carries who liked,
 * for the creator's message centre.
 */
public record ArticleLiked(long articleId, String readerKey, long at) {
}
