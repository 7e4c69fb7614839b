package io.inkstone.articles;

/** A line of the creator's article list in the studio; {@code publishAt} is set on scheduled drafts. */
public record StudioRow(long id, String title, String status, long publishedAt, long updatedAt, Long publishAt) {

	/** How late a scheduled draft may be before the studio tells its creator (the publisher runs every 10 s). */
	static final long MISSED_AFTER_MILLIS = 60_000;

	/** A scheduled draft whose time passed a minute ago and is still not published: the creator must be told. */
	public boolean missedSchedule() {
		return publishAt != null && publishAt < System.currentTimeMillis() - MISSED_AFTER_MILLIS;
	}

}
