package io.inkstone.articles;

/**
 * draft → pending → published / rejected → removed (by the platform). {@code DELETED} is the creator's
 * own soft delete, restorable by an admin. Only published articles are public.
 */
public enum ArticleStatus {

	DRAFT, PENDING, PUBLISHED, REJECTED, REMOVED, DELETED;

	public String dbValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static ArticleStatus fromDb(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
