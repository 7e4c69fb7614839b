package io.inkstone.settings;

import java.util.List;
import java.util.Map;

import io.inkstone.web.Ui;

/**
 * {@code /admin/settings/statements}: one row per action that sends a statement of
 * reasons, with its template in each language (as posted when refused), whether an admin
 * edited it, the refusals by field ({@code <action>.zh}, message keys) and the message
 * after a save.
 */
public record StatementsPage(List<Row> rows, Map<String, String> errors, String flash, String flashAction,
		int maxLength) {

	/** One action's templates. */
	public record Row(String action, String zh, String en, boolean zhEdited, boolean enEdited) {

		public String text(String language) {
			return "en".equals(language) ? en : zh;
		}

		public boolean edited(String language) {
			return "en".equals(language) ? enEdited : zhEdited;
		}

	}

	public String error(Ui ui, String field) {
		String key = errors.get(field);
		return key == null ? null : ui.t(key, Integer.toString(maxLength));
	}

}
