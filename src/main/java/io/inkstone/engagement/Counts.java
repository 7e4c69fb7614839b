package io.inkstone.engagement;

/**
 * An article's engagement counts as shown on pages: flushed totals plus what is still
 * buffered.
 */
public record Counts(long reads, long shares) {

	public static final Counts ZERO = new Counts(0, 0);

	public Counts plus(Counts other) {
		return new Counts(reads + other.reads, shares + other.shares);
	}

}
