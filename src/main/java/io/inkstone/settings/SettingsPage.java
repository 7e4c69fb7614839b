package io.inkstone.settings;

import java.util.List;
import java.util.Map;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/**
 * {@code /admin/settings}: the values shown in the forms (as posted when they are
 * refused), the refusals by field (message keys), the profiles and zones to choose from,
 * the message after a save, the channels in order, the operators' part (duties, merge).
 */
public record SettingsPage(SettingsForm form, ReviewListsForm lists, Map<String, String> errors, List<String> profiles,
		List<String> zones, String defaultZone, String flash, List<Channel> channels, Map<String, String> posted,
		ConsolePart console) {

	public String error(Ui ui, String field) {
		String key = errors.get(field);
		// a refusal that names the bad entry carries it as "<field>.arg"
		String arg = errors.get(field + ".arg");
		return key == null ? null : arg == null ? ui.t(key) : ui.t(key, arg);
	}

	/** The value as posted when it was refused, else the stored one. */
	public String posted(String field, String stored) {
		return posted.getOrDefault(field, stored);
	}

	public int lineCount(String text) {
		return text == null || text.isBlank() ? 0 : (int) text.strip().lines().count();
	}

}
