/**
 * Settings: what an admin changes at {@code /admin/settings} without a restart — the site
 * name, the disclaimer texts, the time zone, the compliance profile, the sensitive-word
 * list and the bad link domains. The values live in
 * {@link io.inkstone.shared.SiteSettings} (every module reads them there, every node
 * reloads them within seconds); this module validates a change, stores it and writes who
 * changed what from what to what to the audit log, in one transaction.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "articles", "audit", "channels", "governance", "shared", "web" })
package io.inkstone.settings;
