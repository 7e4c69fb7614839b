package io.inkstone.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The general settings as posted; the message of each constraint is a message-bundle key.
 * The time zone and the profile are checked against what exists by
 * {@link SettingsChanges}.
 */
public record SettingsForm(
		@NotBlank(message = "siteSettings.error.siteName") @Size(max = SettingsForm.MAX_NAME,
				message = "siteSettings.error.siteNameLength") String siteName,
		@Size(max = SettingsForm.MAX_DISCLAIMER, message = "siteSettings.error.disclaimerLength") String disclaimerZh,
		@Size(max = SettingsForm.MAX_DISCLAIMER, message = "siteSettings.error.disclaimerLength") String disclaimerEn,
		@NotBlank(message = "siteSettings.error.timeZone") String timeZone,
		@NotBlank(message = "siteSettings.error.profile") String complianceProfile) {

	static final int MAX_NAME = 60;

	static final int MAX_DISCLAIMER = 2000;

	static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
