package io.inkstone.discovery;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/**
 * The /admin/hot page: the live hot list, the active interventions, an error message or
 * null.
 */
public record HotAdminPage(Ui ui, List<Channel> nav, List<ArticleCard> hot, List<Intervention> active, String error) {

	public record Intervention(HotOverride override, String title) {
	}

}
