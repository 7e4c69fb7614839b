package io.inkstone.engagement;

import java.util.Collection;
import java.util.Map;

/**
 * Where counts accumulate before they reach the database. The embedded implementation
 * buffers in memory and flushes on a schedule and at shutdown; a crash loses at most one
 * flush interval of counts, never content. The cluster implementation (Redis) is the
 * scale-out issue's.
 */
public interface CounterStore {

	void increment(long articleId, Signal signal);

	/** Counts including anything not yet flushed. */
	Counts counts(long articleId);

	Map<Long, Counts> counts(Collection<Long> articleIds);

	/** Writes buffered counts to the database. */
	void flush();

}
