package io.inkstone.api;

import java.util.Set;
import java.util.List;

/**
 * A registered endpoint. {@code creatorId} null: a site-wide hook of an admin (every
 * article); otherwise the creator's own articles only. The secret signs deliveries
 * (Standard Webhooks, HMAC-SHA256).
 */
public record Webhook(long id, long accountId, Long creatorId, String url, String secret, Set<String> events,
		long createdAt) {

	public static final String PUBLISHED = "article.published";

	public static final String UPDATED = "article.updated";

	public static final String UNPUBLISHED = "article.unpublished";

	/**
	 * A comment (or reply) on an article of the hook's creator, or on any article for a
	 * site-wide hook.
	 */
	public static final String COMMENT_CREATED = "comment.created";

	public static final List<String> EVENTS = List.of(PUBLISHED, UPDATED, UNPUBLISHED, COMMENT_CREATED);

	public boolean siteWide() {
		return creatorId == null;
	}

}
