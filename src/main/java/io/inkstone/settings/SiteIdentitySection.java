package io.inkstone.settings;

import java.util.List;
import java.util.Map;

import io.inkstone.web.Ui;

/**
 * The mail, public-address and logo parts of {@code /admin/settings}: the values shown
 * (as posted when refused; never the mail password, only whether one is stored), the
 * refusals by field (message keys), the presets, the defaults, and the message after an
 * action.
 */
public record SiteIdentitySection(MailSettingsForm mail, boolean hasPassword, boolean passwordUnreadable,
		String publicUrl, String configuredPublicUrl, String logo, Map<String, String> errors, String flash,
		List<MailSettingsForm.Preset> presets, int maxLogoKb) {

	public String error(Ui ui, String field) {
		String key = errors.get(field);
		return key == null ? null : ui.t(key);
	}

	public boolean hasLogo() {
		return logo != null;
	}

}
