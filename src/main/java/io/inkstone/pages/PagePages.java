package io.inkstone.pages;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the static pages and their admin screens. */
public final class PagePages {

	private PagePages() {
	}

	public record Show(Ui ui, List<Channel> nav, StaticPage page) {
	}

	public record Index(Ui ui, List<Channel> nav, List<StaticPage> pages) {
	}

	/**
	 * The editor: {@code id} null for a new page; {@code footer} the position as typed.
	 */
	public record Edit(Ui ui, List<Channel> nav, Long id, String path, String title, String markdown, String footer,
			List<PageRevision> revisions, String error) {
	}

}
