package io.inkstone.discovery;

/** /admin/search: the index's size and the progress of a rebuild. */
public record SearchAdminPage(boolean running, long done, long total, long perSecond, long etaSeconds, int percent,
		int documents) {
}
