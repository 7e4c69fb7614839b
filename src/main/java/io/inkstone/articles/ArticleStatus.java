package io.inkstone.articles;

import java.util.Locale;

/**
 * Where an article is in its life: draft → pending (held for a reviewer) → published /
 * rejected → removed (by the platform). {@code DELETED} is the creator's own soft delete,
 * restorable. Only published articles are public. The moves between these states are
 * {@link ArticleLifecycle}'s; the database keeps the lower-case name.
 */
public enum ArticleStatus {

	DRAFT, PENDING, PUBLISHED, REJECTED, REMOVED, DELETED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ArticleStatus fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
