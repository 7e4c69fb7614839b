package io.inkstone.articles;

/** draft → pending → published / rejected → removed. Only published articles are public. */
public enum ArticleStatus {

	DRAFT, PENDING, PUBLISHED, REJECTED, REMOVED;

	public String dbValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static ArticleStatus fromDb(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
