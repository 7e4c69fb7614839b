package io.inkstone.shared;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.settings.*}: the defaults of the settings an admin can change at
 * {@code /admin/settings} that belong to no other module's configuration, and how often
 * each node looks for changes made elsewhere.
 *
 * @param timeZone the site's time zone (days, times shown, CSV exports) until an admin
 * picks another
 * @param refresh how often a node checks the settings table for changes made on another
 * node
 */
@ConfigurationProperties(prefix = "inkstone.settings")
public record SettingsProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("2s") Duration refresh) {
}
