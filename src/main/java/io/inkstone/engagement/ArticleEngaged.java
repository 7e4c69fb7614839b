package io.inkstone.engagement;

/**
 * A real (de-duplicated, non-bot) engagement with an article at {@code at} (epoch
 * millis). A read carries its reader ({@code readerKey}, and the account when signed in),
 * so the hot list, co-reads and interests all learn of it from this one event.
 */
public record ArticleEngaged(long articleId, long channelId, Signal signal, long at, String readerKey, Long accountId) {

	/** An engagement whose reader does not matter to its listeners (a share, a like). */
	public ArticleEngaged(long articleId, long channelId, Signal signal, long at) {
		this(articleId, channelId, signal, at, null, null);
	}

	/** A counted read, with its reader. */
	public boolean isReadBy() {
		return signal == Signal.READ && readerKey != null;
	}

}
