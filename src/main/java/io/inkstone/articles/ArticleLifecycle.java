package io.inkstone.articles;

import static io.inkstone.articles.ArticleStatus.DELETED;
import static io.inkstone.articles.ArticleStatus.DRAFT;
import static io.inkstone.articles.ArticleStatus.PENDING;
import static io.inkstone.articles.ArticleStatus.PUBLISHED;
import static io.inkstone.articles.ArticleStatus.REJECTED;
import static io.inkstone.articles.ArticleStatus.REMOVED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article status machine in one place, free of I/O: which action moves an article
 * from which status to which, which actions are refused (and how), and what a move means
 * — for the caller a {@link LifecycleOutcome}, for everyone else an
 * {@link ArticleChanged}. {@link Articles} reads the article, asks {@link #step}, and
 * runs the move as one UPDATE guarded by the status it read, so two concurrent moves
 * cannot both win.
 */
public final class ArticleLifecycle {

	/**
	 * Refused because the article is not there for this actor (someone else's, removed,
	 * deleted, not pending): 404.
	 */
	static final String NOT_FOUND = "lifecycle.refused.notFound";

	/** Refused because only a draft can be scheduled: 400. */
	static final String DRAFTS_ONLY = "lifecycle.refused.scheduleDraftOnly";

	private ArticleLifecycle() {
	}

	/** How a move touches {@code published_at}. */
	enum PublishedAt {

		KEEP, NOW, SCHEDULED

	}

	/**
	 * How a move touches {@code review_required}: the mark staff leave on an article they
	 * held, rejected or sent back, which only a reviewer's approval takes away.
	 */
	enum StaffMark {

		KEEP, SET, CLEAR

	}

	/**
	 * Everything that can happen to an article's status, and what each does beside the
	 * status.
	 */
	public enum Action {

		/**
		 * The creator publishes now (the studio's 发布, the API's publish); a schedule is
		 * dropped.
		 */
		PUBLISH(PublishedAt.NOW, true, true),
		/**
		 * The creator publishes or schedules an article staff held, rejected or sent
		 * back: it goes to a reviewer again, whatever the machine review and the profile
		 * say.
		 */
		RESUBMIT(PublishedAt.KEEP, true, true),
		/**
		 * The machine review held what was being published (now or on schedule) for a
		 * reviewer.
		 */
		HOLD_FOR_REVIEW(PublishedAt.KEEP, true, true),
		/**
		 * Staff hold a live article the machine checks flagged (机审记录's 暂停发布/送审): it
		 * leaves the public and waits for a reviewer.
		 */
		STAFF_HOLD(PublishedAt.KEEP, true, true, StaffMark.SET),
		/**
		 * The machine review held an edit of a live article: the article leaves the
		 * public until a reviewer approves the edit.
		 */
		HOLD_UPDATE(PublishedAt.KEEP, true, true),
		/** The creator schedules a draft. */
		SCHEDULE(PublishedAt.KEEP, false, false),
		/** The creator clears a draft's schedule. */
		UNSCHEDULE(PublishedAt.KEEP, true, false),
		/** A scheduled draft's time came: it is published with the scheduled time. */
		PUBLISH_DUE(PublishedAt.SCHEDULED, true, true),
		/** A reviewer lets a held article go public. */
		APPROVE(PublishedAt.NOW, false, true, StaffMark.CLEAR),
		/**
		 * A reviewer sends a held article back to its creator as a draft (changes asked
		 * for).
		 */
		SEND_BACK(PublishedAt.KEEP, true, true, StaffMark.SET),
		/** A reviewer refuses a held article for good. */
		REJECT(PublishedAt.KEEP, true, true, StaffMark.SET),
		/** A rejection was reversed on appeal: the article goes public. */
		REVERSE_REJECTION(PublishedAt.NOW, false, true, StaffMark.CLEAR),
		/** The creator takes their published article back to draft. */
		UNPUBLISH(PublishedAt.KEEP, false, true),
		/** The creator deletes their article (回收站); a schedule is dropped. */
		DELETE(PublishedAt.KEEP, true, true),
		/** The creator takes back an article from the 回收站 as a draft. */
		RESTORE_OWN(PublishedAt.KEEP, false, true),
		/** An admin restores a deleted article as a draft of its creator. */
		RESTORE(PublishedAt.KEEP, false, true),
		/**
		 * The platform takes an article down (a report was upheld); its page answers 410
		 * with the reason.
		 */
		TAKE_DOWN(PublishedAt.KEEP, false, true),
		/** A takedown was reversed on appeal: the article is back online. */
		REINSTATE(PublishedAt.KEEP, false, true, StaffMark.CLEAR);

		final PublishedAt publishedAt;

		/** Sets {@code publish_at} to null. */
		final boolean clearsSchedule;

		/**
		 * Changes what readers or the change feed see: a new {@code change_seq} and an
		 * {@link ArticleChanged}.
		 */
		final boolean changesFeed;

		/** Sets or clears the staff's mark ({@code review_required}). */
		final StaffMark staffMark;

		Action(PublishedAt publishedAt, boolean clearsSchedule, boolean changesFeed) {
			this(publishedAt, clearsSchedule, changesFeed, StaffMark.KEEP);
		}

		Action(PublishedAt publishedAt, boolean clearsSchedule, boolean changesFeed, StaffMark staffMark) {
			this.publishedAt = publishedAt;
			this.clearsSchedule = clearsSchedule;
			this.changesFeed = changesFeed;
			this.staffMark = staffMark;
		}

	}

	/** One cell of the table: move to a status, stay (nothing to do), or refuse. */
	public sealed interface Step {

		record Move(ArticleStatus to) implements Step {
		}

		record Stay() implements Step {
		}

		/**
		 * {@code notFound}: answer 404 (nothing to see here); otherwise 400.
		 * {@code messageKey} says why.
		 */
		record Refuse(boolean notFound, String messageKey) implements Step {
		}

	}

	private static final Step STAY = new Step.Stay();

	private static final Step GONE = new Step.Refuse(true, NOT_FOUND);

	/** Action → from-status → step; a cell not written below refuses with 404. */
	private static final Map<Action, Map<ArticleStatus, Step>> TABLE = new EnumMap<>(Action.class);

	static {
		// the creator publishing: a draft goes public or is held; a rejected article
		// sent in again waits for a reviewer; publishing what is already public or
		// waiting changes nothing
		move(Action.PUBLISH, PUBLISHED, DRAFT);
		move(Action.PUBLISH, PENDING, REJECTED);
		stay(Action.PUBLISH, PENDING, PUBLISHED);
		// what staff held, rejected or sent back goes to a reviewer, never public
		move(Action.RESUBMIT, PENDING, DRAFT, REJECTED);
		stay(Action.RESUBMIT, PENDING, PUBLISHED);
		// an edit of a live article the machine review holds
		move(Action.HOLD_UPDATE, PENDING, PUBLISHED);
		stay(Action.HOLD_UPDATE, PENDING);
		move(Action.HOLD_FOR_REVIEW, PENDING, DRAFT, REJECTED);
		stay(Action.HOLD_FOR_REVIEW, PENDING, PUBLISHED);
		move(Action.STAFF_HOLD, PENDING, PUBLISHED);
		stay(Action.STAFF_HOLD, PENDING);
		// schedules belong to drafts
		move(Action.SCHEDULE, DRAFT, DRAFT);
		refuse(Action.SCHEDULE, new Step.Refuse(false, DRAFTS_ONLY), PENDING, PUBLISHED, REJECTED);
		move(Action.UNSCHEDULE, DRAFT, DRAFT);
		stay(Action.UNSCHEDULE, PENDING, PUBLISHED, REJECTED);
		// the scheduler: a draft that is no longer there to publish is skipped, never an
		// error
		move(Action.PUBLISH_DUE, PUBLISHED, DRAFT);
		stay(Action.PUBLISH_DUE, PENDING, PUBLISHED, REJECTED, REMOVED, DELETED);
		// reviewers decide held articles only
		move(Action.APPROVE, PUBLISHED, PENDING);
		move(Action.SEND_BACK, DRAFT, PENDING);
		move(Action.REJECT, REJECTED, PENDING);
		move(Action.REVERSE_REJECTION, PUBLISHED, REJECTED);
		// the creator's own article, while it is theirs (not removed, not deleted)
		move(Action.UNPUBLISH, DRAFT, PUBLISHED);
		stay(Action.UNPUBLISH, DRAFT, PENDING, REJECTED);
		move(Action.DELETE, DELETED, DRAFT, PENDING, PUBLISHED, REJECTED);
		move(Action.RESTORE_OWN, DRAFT, DELETED);
		move(Action.RESTORE, DRAFT, DELETED);
		// the same click twice (a second tab, the back button) finds it done already
		stay(Action.DELETE, DELETED);
		stay(Action.RESTORE_OWN, DRAFT);
		stay(Action.RESTORE, DRAFT);
		// the platform
		move(Action.TAKE_DOWN, REMOVED, DRAFT, PENDING, PUBLISHED, REJECTED, DELETED);
		stay(Action.TAKE_DOWN, REMOVED);
		move(Action.REINSTATE, PUBLISHED, REMOVED);
	}

	private static void move(Action action, ArticleStatus to, ArticleStatus... from) {
		put(action, new Step.Move(to), from);
	}

	private static void stay(Action action, ArticleStatus... from) {
		put(action, STAY, from);
	}

	private static void refuse(Action action, Step.Refuse refusal, ArticleStatus... from) {
		put(action, refusal, from);
	}

	private static void put(Action action, Step step, ArticleStatus... from) {
		Map<ArticleStatus, Step> row = TABLE.computeIfAbsent(action, a -> new EnumMap<>(ArticleStatus.class));
		for (ArticleStatus status : from) {
			if (row.put(status, step) != null) {
				throw new IllegalStateException(action + " from " + status + " is written twice");
			}
		}
	}

	/**
	 * The action a creator's publish, schedule (or the scheduler's due time) really is:
	 * once staff have held, rejected or sent back an article ({@code staffMarked}), or
	 * while it is rejected, nothing the creator does makes it public without a reviewer's
	 * approval, so publishing or scheduling submits it for review again
	 * ({@link Action#RESUBMIT}); anything else is the action asked for.
	 */
	public static Action creatorAction(ArticleStatus status, boolean staffMarked, Action wanted) {
		boolean publishing = wanted == Action.PUBLISH || wanted == Action.SCHEDULE
				|| (wanted == Action.PUBLISH_DUE && status == DRAFT);
		if (publishing && (status == REJECTED || (staffMarked && status == DRAFT))) {
			return Action.RESUBMIT;
		}
		return wanted;
	}

	/** What {@code action} does to an article in status {@code from}. */
	public static Step step(ArticleStatus from, Action action) {
		return TABLE.getOrDefault(action, Map.of()).getOrDefault(from, GONE);
	}

	/**
	 * A move about to be made: the guarded UPDATE to run ({@link ArticleRepository#move})
	 * and, once it ran, what it means. {@code at} is the schedule time (SCHEDULE),
	 * {@code reason} the removal reason (TAKE_DOWN), {@code dueBy} the time a scheduled
	 * draft must be due by (the scheduler's moves), {@code findings} the review's (HOLD).
	 */
	record Transition(Article article, Action action, ArticleStatus from, ArticleStatus to, Long at, String reason,
			Long dueBy, List<String> findings) {

		/**
		 * The event for other modules and caches; none when only the schedule changed.
		 */
		Optional<ArticleChanged> event() {
			return action.changesFeed
					? Optional.of(new ArticleChanged(article.id(), article.creatorId(), article.channelId()))
					: Optional.empty();
		}

		LifecycleOutcome outcome() {
			long id = article.id();
			if (action == Action.SCHEDULE) {
				return new LifecycleOutcome.Scheduled(id, at);
			}
			if (action == Action.UNSCHEDULE) {
				return new LifecycleOutcome.Unscheduled(id);
			}
			if (action == Action.RESUBMIT) {
				return new LifecycleOutcome.Resubmitted(id);
			}
			if (to == PUBLISHED) {
				return new LifecycleOutcome.Published(id);
			}
			if (to == PENDING) {
				return new LifecycleOutcome.HeldForReview(id, findings);
			}
			return new LifecycleOutcome.Moved(id, from, to);
		}

	}

	/**
	 * The move {@code action} makes from the article's status, or empty when the table
	 * says stay or refuse.
	 */
	static Optional<Transition> transition(Article article, Action action, Long at, String reason, Long dueBy,
			List<String> findings) {
		if (step(article.status(), action) instanceof Step.Move move) {
			return Optional
				.of(new Transition(article, action, article.status(), move.to(), at, reason, dueBy, findings));
		}
		return Optional.empty();
	}

}
