package io.inkstone.articles;

import java.time.Duration;

/**
 * A line of the creator's article list in the studio; {@code publishAt} is set on
 * scheduled drafts, {@code removalReason} on articles the platform took down.
 */
public record StudioRow(long id, String title, ArticleStatus status, long publishedAt, long updatedAt, Long publishAt,
		String removalReason) {

	/** How long a creator can restore an article they deleted (回收站). */
	public static final long TRASH_DAYS = 30;

	/**
	 * The state a creator sees, before review notes are known: draft, scheduled, pending,
	 * published, rejected, removed (taken down by the platform) or trash (deleted by the
	 * creator).
	 */
	public String state() {
		return switch (status) {
			case DRAFT -> publishAt != null ? "scheduled" : "draft";
			case DELETED -> "trash";
			default -> status.dbValue();
		};
	}

	/**
	 * Until when a deleted article can be restored by its creator (deletion time + 30
	 * days).
	 */
	public long restorableUntil() {
		return updatedAt + Duration.ofDays(TRASH_DAYS).toMillis();
	}

	/**
	 * How late a scheduled draft may be before the studio tells its creator (the
	 * publisher runs every 10 s).
	 */
	public static final long MISSED_AFTER_MILLIS = 60_000;

	/**
	 * A scheduled draft whose time passed a minute ago and is still not published: the
	 * creator must be told.
	 */
	public boolean missedSchedule() {
		return publishAt != null && publishAt < System.currentTimeMillis() - MISSED_AFTER_MILLIS;
	}

}
