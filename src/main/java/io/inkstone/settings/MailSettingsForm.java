package io.inkstone.settings;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The SMTP server as posted; the message of each constraint is a message-bundle key. An
 * empty host returns mail to the configured server; an empty password keeps the stored
 * one. What depends on a host being given (port, sender) is checked by
 * {@link SiteIdentityChanges}.
 */
public record MailSettingsForm(
		@Size(max = 253, message = "siteIdentity.error.host") @Pattern(
				regexp = "^$|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", message = "siteIdentity.error.host") String host,
		@Pattern(regexp = "^$|[0-9]{1,5}", message = "siteIdentity.error.port") String port,
		@Pattern(regexp = "^$|ssl|starttls|none", message = "siteIdentity.error.security") String security,
		@Size(max = 254, message = "siteIdentity.error.usernameLength") String username,
		@Size(max = 200, message = "siteIdentity.error.passwordLength") String password,
		@Size(max = 254, message = "siteIdentity.error.from") @Email(message = "siteIdentity.error.from") String from,
		@Size(max = 60, message = "siteIdentity.error.fromNameLength") String fromName) {

	/**
	 * The presets a click fills in (host, port, security); the user and password stay.
	 */
	public record Preset(String id, String host, int port, String security) {
	}

	static final List<Preset> PRESETS = List.of(new Preset("qq", "smtp.qq.com", 465, "ssl"),
			new Preset("163", "smtp.163.com", 465, "ssl"), new Preset("exmail", "smtp.exmail.qq.com", 465, "ssl"),
			new Preset("aliyun", "smtp.qiye.aliyun.com", 465, "ssl"));

	static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
