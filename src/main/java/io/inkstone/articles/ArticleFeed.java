package io.inkstone.articles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.Ids;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one follower of the articles change feed ({@code change_seq}): hands every
 * {@link ArticleFeedFollower} each committed change, in sequence order, from the position
 * the follower reports (its named cursor).
 *
 * <p>
 * Sequences are taken when a transaction writes, not when it commits, so a slow
 * transaction can commit a sequence lower than one a follower has already passed. The
 * feed therefore re-reads the keys (id and sequence only) of the last few seconds for
 * every follower and hands it just the entries it has not had yet. Followers take turns a
 * few batches at a time, so a search index rebuilding from zero does not hold back the
 * others.
 *
 * <p>
 * Not in the import command: it only writes; the server that runs next catches up.
 */
@Component
@Profile("!import")
public class ArticleFeed {

	private static final Logger log = LoggerFactory.getLogger(ArticleFeed.class);

	static final int BATCH = 1000;

	/** Batches one follower gets before the next one's turn. */
	private static final int TURN = 5;

	/**
	 * How far behind the newest sequence late commits are looked for (sequences carry
	 * milliseconds << 22).
	 */
	static final long LAG_MILLIS = 5000;

	private static final long LAG = LAG_MILLIS << 22;

	private final ArticleRepository repository;

	private final ObjectProvider<ArticleFeedFollower> followers;

	private final Clock clock;

	/**
	 * Per follower: what it had within the lag window (id → sequence), and the position
	 * it last reported.
	 */
	private final Map<String, State> states = new ConcurrentHashMap<>();

	private static final class State {

		final Map<Long, Long> recentlyApplied = new HashMap<>();

		long lastPosition = Long.MIN_VALUE;

	}

	/**
	 * Set when the application starts closing: a poll stops after the batch in hand, so a
	 * first index build of many thousand articles does not hold the shutdown (the
	 * scheduler waits for a running task, then the index and the database close under
	 * it).
	 */
	private volatile boolean stopping;

	ArticleFeed(ArticleRepository repository, ObjectProvider<ArticleFeedFollower> followers,
			ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.followers = followers;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * The newest sequence in the feed (0 when there are no articles): where a follower
	 * that starts empty begins.
	 */
	public long head() {
		return repository.lastChangeSeq();
	}

	/**
	 * One round: every follower in turn until none has more. A follower that fails is
	 * retried on the next round and does not stop the others; the failure is rethrown at
	 * the end, so the job's health shows it.
	 */
	@Scheduled(fixedDelay = 500, initialDelay = 0)
	public synchronized void poll() {
		if (stopping) {
			return;
		}
		List<ArticleFeedFollower> all = followers.orderedStream().toList();
		Map<String, RuntimeException> failed = new HashMap<>();
		boolean more = true;
		while (more && !stopping) {
			more = false;
			for (ArticleFeedFollower follower : all) {
				if (stopping) {
					break;
				}
				if (failed.containsKey(follower.name())) {
					continue;
				}
				try {
					more |= turn(follower);
				}
				catch (RuntimeException ex) {
					if (DatabaseBusy.is(ex)) {
						log.info("Change feed follower {} found the database busy; retried on the next poll",
								follower.name());
					}
					else {
						log.warn("Change feed follower {} failed; retried on the next poll: {}", follower.name(),
								ex.toString());
					}
					failed.put(follower.name(), ex);
				}
			}
		}
		if (!failed.isEmpty()) {
			RuntimeException first = failed.values().iterator().next();
			throw new IllegalStateException("change feed followers failed: " + failed.keySet(), first);
		}
	}

	/**
	 * The application is closing ({@link ContextClosedEvent} comes before the scheduler
	 * stops and beans are destroyed): no new batch starts; followers resume from their
	 * stored positions at the next start.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	/** Up to {@link #TURN} batches for one follower; true when it has more waiting. */
	private boolean turn(ArticleFeedFollower follower) {
		long position = follower.position();
		if (position < 0) {
			return false;
		}
		State state = states.computeIfAbsent(follower.name(), name -> new State());
		if (position < state.lastPosition) {
			state.recentlyApplied.clear(); // rebuilt from an earlier position: everything
											// is new to it again
		}
		// re-check only what was written in the last few wall-clock seconds; older
		// entries are settled
		long settledBefore = Math.max(0, (clock.millis() - LAG_MILLIS - Ids.EPOCH) << 22);
		long from = Math.min(position, settledBefore);
		for (int batch = 0; batch < TURN && !stopping; batch++) {
			List<ChangeKey> keys = repository.changeKeysSince(from, BATCH);
			if (keys.isEmpty()) {
				state.lastPosition = position;
				forgetSettled(state, position);
				follower.caughtUp();
				return false;
			}
			List<Long> wanted = new ArrayList<>();
			for (ChangeKey key : keys) {
				Long had = state.recentlyApplied.get(key.id());
				if ((had == null || had < key.changeSeq()) && follower.wants(key)) {
					wanted.add(key.id());
				}
			}
			long last = keys.get(keys.size() - 1).changeSeq();
			long newPosition = Math.max(position, last);
			if (!wanted.isEmpty() || newPosition > position) {
				List<ChangedArticle> changes = wanted.isEmpty() ? List.of() : repository.changedByIds(wanted);
				follower.apply(changes, newPosition);
				for (ChangedArticle change : changes) {
					state.recentlyApplied.put(change.id(), change.changeSeq());
				}
				position = newPosition;
			}
			state.lastPosition = position;
			from = last;
			if (keys.size() < BATCH) {
				forgetSettled(state, position);
				follower.caughtUp();
				return false;
			}
		}
		forgetSettled(state, position);
		return true;
	}

	private static void forgetSettled(State state, long position) {
		long horizon = position - LAG;
		state.recentlyApplied.values().removeIf(seq -> seq < horizon);
	}

}
