/**
 * Rules: the platform's rules pages (平台公约, creator agreement, privacy policy) under
 * {@code /rules/**}, versioned (an edit never overwrites: it adds a version, and every
 * version stays readable), editable by admins (audited), with the version each account
 * accepted recorded.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared", "web" })
package io.inkstone.rules;
