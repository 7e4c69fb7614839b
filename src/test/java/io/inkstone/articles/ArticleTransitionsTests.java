package io.inkstone.articles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.support.MutableClock;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lifecycle's moves on the application's own schema (Flyway on a temporary SQLite
 * database, no Spring context): each move is one UPDATE guarded by the status it was
 * planned from, the review's findings are stored only when the article moved, and callers
 * learn what happened from the outcome.
 */
class ArticleTransitionsTests {

	private static final long CREATOR = 11;

	/**
	 * One schema for the class (Flyway takes seconds); every test works on articles of
	 * its own.
	 */
	private static ArticleRepository repository;

	private Articles articles;

	private final List<Object> events = new ArrayList<>();

	/** The platform's clock, moved by the tests that are about time. */
	private final MutableClock clock = MutableClock.stoppedNow();

	/**
	 * The machine review's stand-in: holds when told to, records what it was asked to
	 * record.
	 */
	private final TestGate gate = new TestGate();

	@BeforeAll
	static void database() throws Exception {
		SQLiteDataSource dataSource = Databases.migratedSqlite("lifecycle");
		repository = new ArticleRepository(JdbcClient.create(dataSource));
	}

	@BeforeEach
	void articles() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("gate", gate);
		articles = new Articles(repository, events::add, beans.getBeanProvider(PublishingGate.class),
				beans.getBeanProvider(OwnImages.class), clock);
	}

	private long draft() {
		return articles.createDraft(CREATOR, new Draft("标题", "正文", 1, "", true, Aigc.NONE, null));
	}

	private Article article(long id) {
		return repository.findById(id).orElseThrow();
	}

	private Long publishAt(long id) {
		return repository.publishAt(id);
	}

	@Test
	void twoMovesPlannedFromTheSameReadCannotBothWin() {
		long id = draft();
		Article read = article(id);
		var publish = ArticleLifecycle.transition(read, ArticleLifecycle.Action.PUBLISH, null, null, null, List.of())
			.orElseThrow();
		var delete = ArticleLifecycle.transition(read, ArticleLifecycle.Action.DELETE, null, null, null, List.of())
			.orElseThrow();
		assertThat(repository.move(publish, 1_000)).isTrue();
		assertThat(repository.move(delete, 1_001)).isFalse();
		assertThat(article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
	}

	@Test
	void publishingAnswersPublishedSetsThePublicationTimeAndAnnouncesItOnce() {
		long id = draft();
		events.clear();
		assertThat(articles.publish(id, CREATOR)).isEqualTo(new LifecycleOutcome.Published(id));
		assertThat(article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(article(id).publishedAt()).isPositive();
		assertThat(events).containsExactly(new ArticleChanged(id, CREATOR, 1));
		assertThat(gate.recorded).containsExactly(id);
		// publishing again changes nothing and announces nothing
		assertThat(articles.publish(id, CREATOR))
			.isEqualTo(new LifecycleOutcome.Unchanged(id, ArticleStatus.PUBLISHED));
		assertThat(events).hasSize(1);
	}

	@Test
	void aHeldArticleSaysWhyAndItsFindingsAreStoredOnlyBecauseItMoved() {
		long id = draft();
		gate.hold = true;
		assertThat(articles.publish(id, CREATOR))
			.isEqualTo(new LifecycleOutcome.HeldForReview(id, List.of("sensitive-word")));
		assertThat(article(id).status()).isEqualTo(ArticleStatus.PENDING);
		assertThat(gate.recorded).containsExactly(id);
		// a creator who may not publish is refused before anything is decided or stored
		long other = draft();
		gate.forbidden = true;
		assertThatThrownBy(() -> articles.publish(other, CREATOR)).isInstanceOf(ForbiddenException.class);
		assertThat(article(other).status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(gate.recorded).containsExactly(id);
	}

	@Test
	void publishingNowDropsASchedule() {
		long id = draft();
		assertThat(articles.schedule(id, CREATOR, 5_000_000_000_000L))
			.isEqualTo(new LifecycleOutcome.Scheduled(id, 5_000_000_000_000L));
		assertThat(publishAt(id)).isEqualTo(5_000_000_000_000L);
		articles.publish(id, CREATOR);
		assertThat(publishAt(id)).isNull();
	}

	@Test
	void onlyDraftsAreScheduledAndClearingNothingIsNoError() {
		long id = draft();
		articles.publish(id, CREATOR);
		assertThatThrownBy(() -> articles.schedule(id, CREATOR, 5_000_000_000_000L)).isInstanceOfSatisfying(
				BadRequestException.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("lifecycle.refused.scheduleDraftOnly"));
		assertThat(articles.schedule(id, CREATOR, null))
			.isEqualTo(new LifecycleOutcome.Unchanged(id, ArticleStatus.PUBLISHED));
		long draft = draft();
		articles.schedule(draft, CREATOR, 5_000_000_000_000L);
		assertThat(articles.schedule(draft, CREATOR, null)).isEqualTo(new LifecycleOutcome.Unscheduled(draft));
		assertThat(publishAt(draft)).isNull();
	}

	@Test
	void dueDraftsArePublishedWithTheirScheduledTimeOrHeldAndTheirScheduleCleared() {
		long due = draft();
		long later = draft();
		long held = draft();
		articles.schedule(due, CREATOR, 2_000_000_000_000L);
		articles.schedule(later, CREATOR, 9_000_000_000_000L);
		assertThat(articles.publishDue(3_000_000_000_000L)).isEqualTo(1);
		assertThat(article(due).status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(article(due).publishedAt()).isEqualTo(2_000_000_000_000L);
		assertThat(publishAt(due)).isNull();
		assertThat(article(later).status()).isEqualTo(ArticleStatus.DRAFT);

		articles.schedule(held, CREATOR, 2_500_000_000_000L);
		gate.hold = true;
		assertThat(articles.publishDue(3_000_000_000_000L)).isZero();
		assertThat(article(held).status()).isEqualTo(ArticleStatus.PENDING);
		assertThat(publishAt(held)).isNull();
	}

	@Test
	void reviewersDecideOnlyPendingArticles() {
		long id = draft();
		assertThatThrownBy(() -> articles.approvePending(id)).isInstanceOf(NotFoundException.class);
		gate.hold = true;
		articles.publish(id, CREATOR);
		assertThat(articles.refusePending(id, true))
			.isEqualTo(new LifecycleOutcome.Moved(id, ArticleStatus.PENDING, ArticleStatus.REJECTED));
		assertThatThrownBy(() -> articles.refusePending(id, true)).isInstanceOf(NotFoundException.class);
		assertThat(articles.publishRejected(id)).isEqualTo(new LifecycleOutcome.Published(id));
	}

	@Test
	void publishingAgainAfterUnpublishingKeepsTheFirstPublicationTime() {
		long id = draft();
		articles.publish(id, CREATOR);
		long first = article(id).publishedAt();
		clock.advance(Duration.ofMinutes(5));
		articles.unpublish(id, CREATOR);
		assertThat(articles.publish(id, CREATOR)).isEqualTo(new LifecycleOutcome.Published(id));
		assertThat(article(id).publishedAt()).isEqualTo(first);
		// deleted, restored and published again: still the first time
		articles.delete(id, CREATOR);
		articles.restoreOwn(id, CREATOR);
		articles.publish(id, CREATOR);
		assertThat(article(id).publishedAt()).isEqualTo(first);
	}

	@Test
	void aTakedownHappensOnceAndIsUndoneByReinstating() {
		long id = draft();
		articles.publish(id, CREATOR);
		long published = article(id).publishedAt();
		events.clear();
		assertThat(articles.takeDown(id, "原因"))
			.isEqualTo(new LifecycleOutcome.Moved(id, ArticleStatus.PUBLISHED, ArticleStatus.REMOVED));
		assertThat(article(id).removalReason()).isEqualTo("原因");
		assertThat(articles.takeDown(id, "again")).isEqualTo(new LifecycleOutcome.Unchanged(id, ArticleStatus.REMOVED));
		assertThat(events).hasSize(1);
		// the creator cannot touch a removed article: it is not theirs to see
		assertThatThrownBy(() -> articles.unpublish(id, CREATOR)).isInstanceOf(NotFoundException.class);
		assertThat(articles.reinstate(id)).isEqualTo(new LifecycleOutcome.Published(id));
		assertThat(article(id).publishedAt()).isEqualTo(published);
	}

	@Test
	void someoneElsesArticleIsNotFoundWhateverItsStatus() {
		long id = draft();
		assertThatThrownBy(() -> articles.publish(id, CREATOR + 1)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> articles.delete(id, CREATOR + 1)).isInstanceOf(NotFoundException.class);
		assertThat(article(id).status()).isEqualTo(ArticleStatus.DRAFT);
	}

	@Test
	void aDeletedArticleComesBackAsADraftOfItsCreator() {
		long id = draft();
		assertThat(articles.delete(id, CREATOR))
			.isEqualTo(new LifecycleOutcome.Moved(id, ArticleStatus.DRAFT, ArticleStatus.DELETED));
		assertThat(articles.restoreOwn(id, CREATOR))
			.isEqualTo(new LifecycleOutcome.Moved(id, ArticleStatus.DELETED, ArticleStatus.DRAFT));
		// restored twice (two tabs, two admins): the second finds it a draft already
		assertThat(articles.restoreOwn(id, CREATOR)).isEqualTo(new LifecycleOutcome.Unchanged(id, ArticleStatus.DRAFT));
		assertThat(articles.restore(id)).isEqualTo(new LifecycleOutcome.Unchanged(id, ArticleStatus.DRAFT));
		articles.publish(id, CREATOR);
		assertThatThrownBy(() -> articles.restore(id)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aDeletedArticleCanBeTakenBackForThirtyDaysAndThenLeavesTheTrash() {
		long early = draft();
		long late = draft();
		articles.delete(early, CREATOR);
		articles.delete(late, CREATOR);
		long deletedAt = clock.millis();

		clock.advance(Duration.ofDays(StudioRow.TRASH_DAYS).minusMinutes(1));
		assertThat(articles.studioList(CREATOR)).filteredOn(row -> row.id() == late).singleElement().satisfies(row -> {
			assertThat(row.state()).isEqualTo("trash");
			assertThat(row.restorableUntil()).isEqualTo(deletedAt + Duration.ofDays(30).toMillis());
		});
		assertThat(articles.restoreOwn(early, CREATOR))
			.isEqualTo(new LifecycleOutcome.Moved(early, ArticleStatus.DELETED, ArticleStatus.DRAFT));

		clock.advance(Duration.ofMinutes(2)); // 30 days and a minute after the deletion
		assertThat(articles.studioList(CREATOR)).extracting(StudioRow::id).doesNotContain(late).contains(early);
		assertThatThrownBy(() -> articles.restoreOwn(late, CREATOR)).isInstanceOf(NotFoundException.class);
		assertThat(article(late).status()).isEqualTo(ArticleStatus.DELETED);
	}

	static final class TestGate implements PublishingGate {

		boolean hold;

		boolean forbidden;

		final List<Long> recorded = new ArrayList<>();

		@Override
		public void checkMayPublish(long creatorId) {
			if (forbidden) {
				throw new ForbiddenException("suspended");
			}
		}

		@Override
		public ReviewDecision review(Article article) {
			return hold ? new ReviewDecision(true, List.of(new ReviewDecision.Finding("sensitive-word", "词", null)))
					: ReviewDecision.PASS;
		}

		@Override
		public void recordReview(Article article, ReviewDecision decision) {
			recorded.add(article.id());
		}

	}

}
