package io.inkstone.messages;

/**
 * One message as its recipient sees it. {@code outcome} picks the wording within the kind
 * (for example {@code article} or {@code comment} for a like, {@code rejected} for a
 * review), {@code ref} a short code that goes with it (a report's reference, a review's
 * reason code); {@code actor} is who did it (null for a reader without an account or for
 * the platform), {@code actors} how many did (aggregated likes and follows); {@code note}
 * the text that goes with it (the reply, the reviewer's note, the statement of reasons).
 */
public record Message(long id, String kind, String outcome, String ref, String title, String actor, int actors,
		String note, String link, long createdAt, long updatedAt, boolean unread) {
}
