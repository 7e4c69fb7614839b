package io.inkstone.articles;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.inkstone.shared.Ids;
import io.inkstone.support.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The feed's rules without a database: late commits, followers that skip entries, a
 * follower that rebuilds.
 */
class ArticleFeedTests {

	/** The articles table as the feed sees it: id → sequence. */
	private final Map<Long, Long> table = new TreeMap<>();

	/** The feed's clock: stopped, moved by the tests. */
	private final MutableClock clock = MutableClock.stoppedNow();

	private final ArticleRepository repository = mock(ArticleRepository.class);

	ArticleFeedTests() {
		when(repository.changeKeysSince(anyLong(), anyInt())).thenAnswer(call -> {
			long after = call.getArgument(0);
			int limit = call.getArgument(1);
			return table.entrySet()
				.stream()
				.filter(e -> e.getValue() > after)
				.sorted(Map.Entry.comparingByValue())
				.limit(limit)
				.map(e -> new ChangeKey(e.getKey(), e.getValue()))
				.toList();
		});
		when(repository.changedByIds(any())).thenAnswer(call -> {
			Collection<Long> ids = call.getArgument(0);
			return ids.stream()
				.map(id -> new ChangedArticle(id, "t" + id, "b", 1, 1, "published", 0, table.get(id)))
				.sorted((a, b) -> Long.compare(a.changeSeq(), b.changeSeq()))
				.toList();
		});
	}

	/**
	 * A sequence taken at the test's "now" (milliseconds since the id epoch, shifted as
	 * {@link Ids} does).
	 */
	private long seqAt(long millis, int n) {
		return ((millis - Ids.EPOCH) << 22) | n;
	}

	static class Recorder implements ArticleFeedFollower {

		final String name;

		Recorder(String name) {
			this.name = name;
		}

		final List<Long> had = new ArrayList<>();

		long position;

		Predicate<ChangeKey> wanted = key -> true;

		@Override
		public String name() {
			return name;
		}

		@Override
		public long position() {
			return position;
		}

		@Override
		public boolean wants(ChangeKey key) {
			return wanted.test(key);
		}

		@Override
		public void apply(List<ChangedArticle> changes, long position) {
			changes.forEach(c -> had.add(c.id()));
			this.position = position;
		}

	}

	private ArticleFeed feed(ArticleFeedFollower... followers) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		for (int i = 0; i < followers.length; i++) {
			beans.registerSingleton("follower" + i, followers[i]);
		}
		beans.registerSingleton("clock", clock);
		return new ArticleFeed(repository, beans.getBeanProvider(ArticleFeedFollower.class),
				beans.getBeanProvider(Clock.class));
	}

	@Test
	void aLateCommitBelowTheFollowersPositionIsHandedOverOnce() {
		Recorder follower = new Recorder("recorder");
		ArticleFeed feed = feed(follower);
		long early = seqAt(clock.millis(), 1);
		table.put(2L, seqAt(clock.millis(), 2));
		feed.poll();
		assertThat(follower.had).containsExactly(2L);
		assertThat(follower.position).isEqualTo(seqAt(clock.millis(), 2));

		table.put(1L, early); // the slow transaction commits with the sequence it took
								// first
		feed.poll();
		feed.poll();
		assertThat(follower.had).containsExactly(2L, 1L);
		assertThat(follower.position).as("never moves back").isEqualTo(seqAt(clock.millis(), 2));
	}

	@Test
	void aChangeAgainOfTheSameArticleIsHandedOverAgain() {
		Recorder follower = new Recorder("recorder");
		ArticleFeed feed = feed(follower);
		table.put(1L, seqAt(clock.millis(), 1));
		feed.poll();
		table.put(1L, seqAt(clock.millis(), 2));
		feed.poll();
		feed.poll();
		assertThat(follower.had).containsExactly(1L, 1L);
	}

	@Test
	void entriesAFollowerDoesNotWantAreNeverLoadedButItsPositionMoves() {
		Recorder follower = new Recorder("recorder");
		follower.wanted = key -> key.id() != 1L;
		ArticleFeed feed = feed(follower);
		table.put(1L, seqAt(clock.millis(), 1));
		feed.poll();
		assertThat(follower.had).isEmpty();
		assertThat(follower.position).isEqualTo(seqAt(clock.millis(), 1));
		table.put(2L, seqAt(clock.millis(), 2));
		feed.poll();
		assertThat(follower.had).containsExactly(2L);
	}

	@Test
	void aFollowerThatMovesBackIsServedFromThereAgain() {
		Recorder follower = new Recorder("recorder");
		ArticleFeed feed = feed(follower);
		table.put(1L, seqAt(clock.millis() - 60_000, 1)); // settled long ago
		table.put(2L, seqAt(clock.millis(), 2));
		feed.poll();
		assertThat(follower.had).containsExactly(1L, 2L);
		follower.position = 0; // a rebuild from zero
		feed.poll();
		assertThat(follower.had).containsExactly(1L, 2L, 1L, 2L);
	}

	@Test
	void aFollowerThatIsNotReadyIsSkippedAndAFailingOneDoesNotStopTheOthers() {
		Recorder notReady = new Recorder("not-ready");
		notReady.position = -1;
		ArticleFeedFollower failing = new Recorder("failing") {
			@Override
			public void apply(List<ChangedArticle> changes, long position) {
				throw new IllegalStateException("disk full");
			}
		};
		Recorder healthy = new Recorder("healthy");
		ArticleFeed feed = feed(notReady, failing, healthy);
		table.put(1L, seqAt(clock.millis(), 1));
		assertThatThrownBy(feed::poll).hasMessageContaining("failing");
		assertThat(notReady.had).isEmpty();
		assertThat(healthy.had).containsExactly(1L);
	}

	@Test
	void oldEntriesLeaveTheWindowAndAreNotReadAgain() {
		Recorder follower = new Recorder("recorder");
		ArticleFeed feed = feed(follower);
		table.put(1L, seqAt(clock.millis(), 1));
		feed.poll();
		clock.advance(Duration.ofMillis(ArticleFeed.LAG_MILLIS + 1000));
		feed.poll();
		feed.poll();
		assertThat(follower.had).containsExactly(1L);
	}

	@Test
	void aClosingApplicationStopsABuildAfterTheBatchInHand() {
		// a first build of 20 000 articles; the application starts closing during the
		// second batch
		for (long id = 1; id <= 20 * ArticleFeed.BATCH; id++) {
			table.put(id, seqAt(clock.millis() - 60_000, (int) id));
		}
		ArticleFeed[] feed = new ArticleFeed[1];
		Recorder follower = new Recorder("search-index") {
			int batches;

			@Override
			public void apply(List<ChangedArticle> changes, long position) {
				super.apply(changes, position);
				if (++batches == 2) {
					feed[0].stop();
				}
			}
		};
		feed[0] = feed(follower);
		feed[0].poll();
		assertThat(follower.had).hasSize(2 * ArticleFeed.BATCH);
		// no further poll starts; the next start resumes from the stored position
		feed[0].poll();
		assertThat(follower.had).hasSize(2 * ArticleFeed.BATCH);
		Recorder resumed = new Recorder("search-index");
		resumed.position = follower.position;
		feed(resumed).poll();
		assertThat(resumed.had).hasSize(18 * ArticleFeed.BATCH);
		// looked up in a set: AssertJ's doesNotContainAnyElementsOf compares each of the
		// 2,000 with each of the 18,000 (seconds on a busy machine)
		Set<Long> again = new HashSet<>(resumed.had);
		assertThat(follower.had).noneMatch(again::contains);
	}

}
