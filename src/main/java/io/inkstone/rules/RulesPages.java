package io.inkstone.rules;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the rules pages. */
public final class RulesPages {

	private RulesPages() {
	}

	public record Index(Ui ui, List<Channel> nav, List<RulesPage> pages) {
	}

	/** One version, the list of all versions, and whether it is the current one. */
	public record Show(Ui ui, List<Channel> nav, RulesPage page, List<RulesPage> versions, boolean current) {
	}

	public record Edit(Ui ui, List<Channel> nav, RulesPage current, String title, String markdown, String note,
			String error) {
	}

}
