package io.inkstone.discovery;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** /admin/search: the index's size and the progress of a rebuild. */
public record SearchAdminPage(Ui ui, List<Channel> nav, boolean running, long done, long total, long perSecond,
		long etaSeconds, int percent, int documents) {
}
