package io.inkstone.pages;

import java.util.List;
import java.util.Map;

/** Page models of the static pages and their admin screens. */
public final class PagePages {

	private PagePages() {
	}

	public record Show(StaticPage page) {
	}

	public record Index(List<StaticPage> pages) {
	}

	/**
	 * The editor: {@code id} null for a new page; {@code footer} the position as typed;
	 * {@code error} the refusal said above the form, or null; {@code errors} field
	 * ({@code path}, {@code title}, {@code body}, {@code footer}) → text as shown at that
	 * field.
	 */
	public record Edit(Long id, String path, String title, String markdown, String footer, List<PageRevision> revisions,
			String error, Map<String, String> errors) {

		/** A field's error text, or null. */
		public String error(String field) {
			return errors.get(field);
		}

	}

}
