/**
 * Settings: what an admin changes at {@code /admin/settings} without a restart — the site
 * name, the disclaimer texts, the time zone, the compliance profile, the sensitive-word
 * list and the bad link domains, the channels, the SMTP server (with a test send), the
 * public address and the logo. The values live in {@link io.inkstone.shared.SiteSettings}
 * (every module reads them there, every node reloads them within seconds); this module
 * validates a change, stores it and writes who changed what from what to what to the
 * audit log, in one transaction. The logo's bytes are stored by the media module (local
 * disk or S3, as media are).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "audit", "channels",
		"governance", "media", "notifications", "shared", "web" })
package io.inkstone.settings;
