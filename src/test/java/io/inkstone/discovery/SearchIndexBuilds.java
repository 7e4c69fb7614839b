package io.inkstone.discovery;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * Holds this node's search index build back in the middle of a backlog while a test looks
 * at the search pages: the feeder's lock is held, so its follower cannot report that it
 * caught up until the action returns.
 */
public final class SearchIndexBuilds {

	private SearchIndexBuilds() {
	}

	/** Runs the action while a build reports progress; then the build catches up. */
	public static void whileBuilding(ApplicationContext context, Runnable action) {
		IndexFeeder feeder = context.getBean(IndexFeeder.class);
		synchronized (feeder) {
			long position = feeder.position();
			feeder.apply(List.of(), position);
			try {
				action.run();
			}
			finally {
				feeder.caughtUp();
			}
		}
	}

}
