package io.inkstone.rules;

import java.util.List;
import java.util.Map;

/** Page models of the rules pages. */
public final class RulesPages {

	private RulesPages() {
	}

	public record Index(List<RulesPage> pages) {
	}

	/** One version, the list of all versions, and whether it is the current one. */
	public record Show(RulesPage page, List<RulesPage> versions, boolean current) {
	}

	/**
	 * The editor of a new version: the current one, the fields as shown, the refusal said
	 * above the form (or null) and field ({@code title}, {@code body}, {@code note}) →
	 * text as shown at that field.
	 */
	public record Edit(RulesPage current, String title, String markdown, String note, String error,
			Map<String, String> errors) {

		/** A field's error text, or null. */
		public String error(String field) {
			return errors.get(field);
		}

	}

}
