package io.inkstone.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a step once the current transaction commits (at once when there is none): caches
 * are dropped and changes announced only when readers can see the new rows; a read in
 * between would otherwise cache the old ones again. Not a transactional event listener:
 * Spring Modulith records each of those in its event publication registry, a write that
 * under SQLite waits for the connection this thread still holds.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs {@code step} after the commit of the current transaction, or now. */
	public static void run(Runnable step) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					step.run();
				}
			});
		}
		else {
			step.run();
		}
	}

}
