package io.inkstone.rules;

import java.util.List;

/** Page models of the rules pages. */
public final class RulesPages {

	private RulesPages() {
	}

	public record Index(List<RulesPage> pages) {
	}

	/** One version, the list of all versions, and whether it is the current one. */
	public record Show(RulesPage page, List<RulesPage> versions, boolean current) {
	}

	public record Edit(RulesPage current, String title, String markdown, String note, String error) {
	}

}
