package io.inkstone.pages;

import java.util.List;

/** Page models of the static pages and their admin screens. */
public final class PagePages {

	private PagePages() {
	}

	public record Show(StaticPage page) {
	}

	public record Index(List<StaticPage> pages) {
	}

	/**
	 * The editor: {@code id} null for a new page; {@code footer} the position as typed.
	 */
	public record Edit(Long id, String path, String title, String markdown, String footer, List<PageRevision> revisions,
			String error) {
	}

}
