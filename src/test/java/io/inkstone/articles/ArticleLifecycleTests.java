package io.inkstone.articles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.inkstone.articles.ArticleLifecycle.Action;
import io.inkstone.articles.ArticleLifecycle.Step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the article status machine, allowed and refused: the table below is
 * written out by hand (not derived from {@link ArticleLifecycle}), so a changed rule
 * fails here with the action and status that changed. No Spring, no database.
 */
class ArticleLifecycleTests {

	/**
	 * Action × from-status → the status it moves to, {@code =} (stays, nothing to do),
	 * {@code 404} (refused: not there for this actor) or {@code 400} (refused: only
	 * drafts can be scheduled).
	 */
	private static final String TABLE = """
			                    DRAFT      PENDING    PUBLISHED  REJECTED   REMOVED    DELETED
			PUBLISH             PUBLISHED  =          =          PENDING    404        404
			RESUBMIT            PENDING    =          =          PENDING    404        404
			HOLD_FOR_REVIEW     PENDING    =          =          PENDING    404        404
			STAFF_HOLD          404        =          PENDING    404        404        404
			HOLD_UPDATE         404        =          PENDING    404        404        404
			SCHEDULE            DRAFT      400        400        400        404        404
			UNSCHEDULE          DRAFT      =          =          =          404        404
			PUBLISH_DUE         PUBLISHED  =          =          =          =          =
			APPROVE             404        PUBLISHED  404        404        404        404
			SEND_BACK           404        DRAFT      404        404        404        404
			REJECT              404        REJECTED   404        404        404        404
			REVERSE_REJECTION   404        404        404        PUBLISHED  404        404
			UNPUBLISH           =          =          DRAFT      =          404        404
			DELETE              DELETED    DELETED    DELETED    DELETED    404        =
			RESTORE_OWN         =          404        404        404        404        DRAFT
			RESTORE             =          404        404        404        404        DRAFT
			TAKE_DOWN           REMOVED    REMOVED    REMOVED    REMOVED    =          REMOVED
			REINSTATE           404        404        404        404        PUBLISHED  404
			""";

	static Stream<Arguments> cells() {
		List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
		List<ArticleStatus> columns = Stream.of(lines.get(0).trim().split("\\s+")).map(ArticleStatus::valueOf).toList();
		List<Arguments> cells = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cell = line.trim().split("\\s+");
			for (int i = 0; i < columns.size(); i++) {
				cells.add(Arguments.of(Action.valueOf(cell[0]), columns.get(i), cell[i + 1]));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} from {1} → {2}")
	@MethodSource("cells")
	void everyActionFromEveryStatusDoesWhatTheTableSays(Action action, ArticleStatus from, String expected) {
		Step step = ArticleLifecycle.step(from, action);
		switch (expected) {
			case "=" -> assertThat(step).isInstanceOf(Step.Stay.class);
			case "404" -> assertThat(step).isEqualTo(new Step.Refuse(true, "lifecycle.refused.notFound"));
			case "400" -> assertThat(step).isEqualTo(new Step.Refuse(false, "lifecycle.refused.scheduleDraftOnly"));
			default -> assertThat(step).isEqualTo(new Step.Move(ArticleStatus.valueOf(expected)));
		}
	}

	@Test
	void theTableCoversEveryActionAndEveryStatus() {
		Set<Action> rows = EnumSet.noneOf(Action.class);
		Set<ArticleStatus> columns = EnumSet.noneOf(ArticleStatus.class);
		cells().forEach(a -> {
			rows.add((Action) a.get()[0]);
			columns.add((ArticleStatus) a.get()[1]);
		});
		assertThat(rows).containsExactlyInAnyOrder(Action.values());
		assertThat(columns).containsExactlyInAnyOrder(ArticleStatus.values());
	}

	@Test
	void aDeletedArticleComesBackOnlyAsADraftOrIsTakenDown() {
		// a deleted article comes back only as a draft (its creator's or an admin's
		// restore), never straight online
		for (Action action : Action.values()) {
			if (ArticleLifecycle.step(ArticleStatus.DELETED, action) instanceof Step.Move move) {
				assertThat(move.to()).isIn(ArticleStatus.DRAFT, ArticleStatus.REMOVED);
			}
		}
	}

	@Test
	void whatStaffHeldRejectedOrSentBackGoesToAReviewerWhateverTheCreatorPresses() {
		for (Action wanted : List.of(Action.PUBLISH, Action.SCHEDULE)) {
			assertThat(ArticleLifecycle.creatorAction(ArticleStatus.REJECTED, false, wanted)).as("rejected, %s", wanted)
				.isEqualTo(Action.RESUBMIT);
			assertThat(ArticleLifecycle.creatorAction(ArticleStatus.REJECTED, true, wanted)).isEqualTo(Action.RESUBMIT);
			assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, true, wanted))
				.as("需修改 or held before, %s", wanted)
				.isEqualTo(Action.RESUBMIT);
			assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, false, wanted)).isEqualTo(wanted);
		}
		// the scheduler never publishes a draft staff marked
		assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, true, Action.PUBLISH_DUE))
			.isEqualTo(Action.RESUBMIT);
		assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, false, Action.PUBLISH_DUE))
			.isEqualTo(Action.PUBLISH_DUE);
		assertThat(ArticleLifecycle.creatorAction(ArticleStatus.REJECTED, true, Action.PUBLISH_DUE))
			.isEqualTo(Action.PUBLISH_DUE);
		// other actions are what they are
		assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, true, Action.UNSCHEDULE))
			.isEqualTo(Action.UNSCHEDULE);
		assertThat(ArticleLifecycle.creatorAction(ArticleStatus.DRAFT, true, Action.DELETE)).isEqualTo(Action.DELETE);
		// a resubmission never goes public, and answers what it is
		for (ArticleStatus from : ArticleStatus.values()) {
			if (ArticleLifecycle.step(from, Action.RESUBMIT) instanceof Step.Move m) {
				assertThat(m.to()).isEqualTo(ArticleStatus.PENDING);
			}
		}
		assertThat(move(ArticleStatus.DRAFT, Action.RESUBMIT, null, List.of()).outcome())
			.isEqualTo(new LifecycleOutcome.Resubmitted(7));
		assertThat(Action.RESUBMIT.clearsSchedule).isTrue();
	}

	@Test
	void staffMarkTheArticlesTheyHoldRejectOrSendBackAndOnlyAnApprovalClearsTheMark() {
		assertThat(Action.STAFF_HOLD.staffMark).isEqualTo(ArticleLifecycle.StaffMark.SET);
		assertThat(Action.REJECT.staffMark).isEqualTo(ArticleLifecycle.StaffMark.SET);
		assertThat(Action.SEND_BACK.staffMark).isEqualTo(ArticleLifecycle.StaffMark.SET);
		assertThat(Action.APPROVE.staffMark).isEqualTo(ArticleLifecycle.StaffMark.CLEAR);
		assertThat(Action.REVERSE_REJECTION.staffMark).isEqualTo(ArticleLifecycle.StaffMark.CLEAR);
		assertThat(Action.REINSTATE.staffMark).isEqualTo(ArticleLifecycle.StaffMark.CLEAR);
		for (Action creator : List.of(Action.PUBLISH, Action.RESUBMIT, Action.SCHEDULE, Action.UNPUBLISH, Action.DELETE,
				Action.RESTORE_OWN, Action.PUBLISH_DUE)) {
			assertThat(creator.staffMark).as(creator.name()).isEqualTo(ArticleLifecycle.StaffMark.KEEP);
		}
	}

	@Test
	void aHeldUpdateTakesTheLiveArticleToAReviewerWithItsFindings() {
		var t = move(ArticleStatus.PUBLISHED, Action.HOLD_UPDATE, null, List.of("sensitive-word"));
		assertThat(t.outcome()).isEqualTo(new LifecycleOutcome.HeldForReview(7, List.of("sensitive-word")));
		assertThat(t.event()).isPresent();
	}

	// --- what a move means: its outcome, its event and its columns ---

	private static Article article(ArticleStatus status) {
		return new Article(7, "t", "s", "body", "<p>body</p>", 3, 5, null, null, true, "none", null, status, null, 0, 0,
				0, null);
	}

	private static ArticleLifecycle.Transition move(ArticleStatus from, Action action, Long at, List<String> findings) {
		return ArticleLifecycle.transition(article(from), action, at, null, null, findings).orElseThrow();
	}

	@Test
	void publishingADraftAnswersPublishedAndAnnouncesTheChange() {
		var t = move(ArticleStatus.DRAFT, Action.PUBLISH, null, List.of());
		assertThat(t.outcome()).isEqualTo(new LifecycleOutcome.Published(7));
		assertThat(t.event()).contains(new ArticleChanged(7, 3, 5));
		assertThat(Action.PUBLISH.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.NOW);
		assertThat(Action.PUBLISH.clearsSchedule).isTrue();
	}

	@Test
	void aHeldArticleCarriesTheFindingsThatHeldIt() {
		var t = move(ArticleStatus.DRAFT, Action.HOLD_FOR_REVIEW, null, List.of("sensitive-word", "new-creator"));
		assertThat(t.outcome())
			.isEqualTo(new LifecycleOutcome.HeldForReview(7, List.of("sensitive-word", "new-creator")));
		assertThat(t.outcome().status()).isEqualTo(ArticleStatus.PENDING);
		assertThat(t.event()).isPresent();
		assertThat(Action.HOLD_FOR_REVIEW.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.KEEP);
		assertThat(Action.HOLD_FOR_REVIEW.clearsSchedule).isTrue();
	}

	@Test
	void schedulingAnswersTheTimeAndTouchesNeitherTheFeedNorTheStatus() {
		var scheduled = move(ArticleStatus.DRAFT, Action.SCHEDULE, 1_800_000_000_000L, List.of());
		assertThat(scheduled.outcome()).isEqualTo(new LifecycleOutcome.Scheduled(7, 1_800_000_000_000L));
		assertThat(scheduled.event()).isEmpty();
		var cleared = move(ArticleStatus.DRAFT, Action.UNSCHEDULE, null, List.of());
		assertThat(cleared.outcome()).isEqualTo(new LifecycleOutcome.Unscheduled(7));
		assertThat(cleared.event()).isEmpty();
		assertThat(Action.UNSCHEDULE.clearsSchedule).isTrue();
	}

	@Test
	void aDueDraftIsPublishedWithItsScheduledTime() {
		assertThat(move(ArticleStatus.DRAFT, Action.PUBLISH_DUE, null, List.of()).outcome())
			.isEqualTo(new LifecycleOutcome.Published(7));
		assertThat(Action.PUBLISH_DUE.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.SCHEDULED);
		assertThat(Action.PUBLISH_DUE.clearsSchedule).isTrue();
	}

	@Test
	void reinstatingKeepsTheFirstPublicationTimeWhileApprovalAndReversalSetIt() {
		assertThat(Action.REINSTATE.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.KEEP);
		assertThat(Action.APPROVE.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.NOW);
		assertThat(Action.REVERSE_REJECTION.publishedAt).isEqualTo(ArticleLifecycle.PublishedAt.NOW);
		assertThat(move(ArticleStatus.REMOVED, Action.REINSTATE, null, List.of()).outcome())
			.isEqualTo(new LifecycleOutcome.Published(7));
	}

	@Test
	void otherMovesSayWhereFromAndWhereTo() {
		assertThat(move(ArticleStatus.PUBLISHED, Action.UNPUBLISH, null, List.of()).outcome())
			.isEqualTo(new LifecycleOutcome.Moved(7, ArticleStatus.PUBLISHED, ArticleStatus.DRAFT));
		assertThat(move(ArticleStatus.PENDING, Action.REJECT, null, List.of()).outcome())
			.isEqualTo(new LifecycleOutcome.Moved(7, ArticleStatus.PENDING, ArticleStatus.REJECTED));
		assertThat(move(ArticleStatus.DRAFT, Action.DELETE, null, List.of()).event())
			.contains(new ArticleChanged(7, 3, 5));
		assertThat(Action.DELETE.clearsSchedule).isTrue();
	}

	@Test
	void stayingOrRefusingIsNoMove() {
		assertThat(ArticleLifecycle.transition(article(ArticleStatus.PUBLISHED), Action.PUBLISH, null, null, null,
				List.of()))
			.isEmpty();
		assertThat(
				ArticleLifecycle.transition(article(ArticleStatus.DRAFT), Action.APPROVE, null, null, null, List.of()))
			.isEmpty();
	}

	@Test
	void everyStatusSurvivesTheDatabaseSpelling() {
		for (ArticleStatus status : ArticleStatus.values()) {
			assertThat(status.dbValue()).isEqualTo(status.name().toLowerCase());
			assertThat(ArticleStatus.fromDb(status.dbValue())).isEqualTo(status);
		}
	}

}
