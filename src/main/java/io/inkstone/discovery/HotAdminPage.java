package io.inkstone.discovery;

import java.util.List;

/**
 * The /admin/hot page: the live hot list, the active interventions, an error message or
 * null.
 */
public record HotAdminPage(List<ArticleCard> hot, List<Intervention> active, String error) {

	public record Intervention(HotOverride override, String title) {
	}

}
