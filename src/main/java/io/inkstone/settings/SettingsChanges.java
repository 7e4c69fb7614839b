package io.inkstone.settings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.inkstone.audit.AuditLog;
import io.inkstone.channels.Channels;
import io.inkstone.governance.BadDomains;
import io.inkstone.governance.ComplianceProfile;
import io.inkstone.governance.SensitiveWords;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.SiteSettings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates and stores a change of the settings, writing one audit entry per changed
 * setting (who, which setting, old → new; for the lists the lines added and removed) in
 * the same transaction. A value equal to the configured default is stored as "default"
 * (NULL), so a later change of the configuration still shows.
 */
@Service
class SettingsChanges {

	static final String AUDIT_ACTION = "settings.change";

	static final int MAX_CHANNEL_NAME = 40;

	private final SiteSettings settings;

	private final ComplianceProfile compliance;

	private final SensitiveWords words;

	private final BadDomains domains;

	private final AuditLog audit;

	private final Channels channels;

	SettingsChanges(SiteSettings settings, ComplianceProfile compliance, SensitiveWords words, BadDomains domains,
			AuditLog audit, Channels channels) {
		this.channels = channels;
		this.settings = settings;
		this.compliance = compliance;
		this.words = words;
		this.domains = domains;
		this.audit = audit;
	}

	/** The general settings as they are now. */
	SettingsForm current() {
		return new SettingsForm(settings.siteName(), settings.disclaimer(false), settings.disclaimer(true),
				settings.zone().getId(), compliance.name());
	}

	String defaultZone() {
		return settings.defaultZone().getId();
	}

	/** The lists as they are now, one entry per line. */
	ReviewListsForm currentLists() {
		return new ReviewListsForm(String.join("\n", words.terms()), String.join("\n", domains.list()));
	}

	/**
	 * Checks what Bean Validation cannot: the zone exists, the profile exists. Field →
	 * message key.
	 */
	Map<String, String> check(SettingsForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.timeZone() != null && !form.timeZone().isBlank() && SiteSettings.zoneOf(form.timeZone()).isEmpty()) {
			errors.put("timeZone", "siteSettings.error.timeZone");
		}
		if (form.complianceProfile() != null && !form.complianceProfile().isBlank()
				&& !ComplianceProfile.profiles().contains(form.complianceProfile().strip())) {
			errors.put("complianceProfile", "siteSettings.error.profile");
		}
		return errors;
	}

	/** Stores the general settings; returns the names of the settings that changed. */
	@Transactional
	public List<String> save(SettingsForm form) {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		change(admin, SiteSettings.SITE_NAME, stored(SiteSettings.SITE_NAME), SettingsForm.strip(form.siteName()),
				changed);
		change(admin, SiteSettings.DISCLAIMER_ZH, stored(SiteSettings.DISCLAIMER_ZH),
				SettingsForm.strip(form.disclaimerZh()), changed);
		change(admin, SiteSettings.DISCLAIMER_EN, stored(SiteSettings.DISCLAIMER_EN),
				SettingsForm.strip(form.disclaimerEn()), changed);
		String zone = settings.stored(SiteSettings.TIME_ZONE)
			.flatMap(SiteSettings::zoneOf)
			.map(ZoneId::getId)
			.orElse(defaultZone());
		change(admin, SiteSettings.TIME_ZONE, zone, SiteSettings.zoneOf(form.timeZone()).orElseThrow().getId(),
				changed);
		String profile = settings.stored(SiteSettings.COMPLIANCE_PROFILE)
			.filter(ComplianceProfile.profiles()::contains)
			.orElse(compliance.configured());
		change(admin, SiteSettings.COMPLIANCE_PROFILE, profile, form.complianceProfile().strip(), changed);
		return changed;
	}

	/** Stores the lists; returns the names of the settings that changed. */
	@Transactional
	public List<String> save(ReviewListsForm form) {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		listChange(admin, SiteSettings.SENSITIVE_WORDS,
				settings.stored(SiteSettings.SENSITIVE_WORDS)
					.orElseGet(() -> String.join("\n", words.configuredTerms())),
				ReviewListsForm.lines(form.words()), changed);
		listChange(admin, SiteSettings.BAD_DOMAINS,
				settings.stored(SiteSettings.BAD_DOMAINS).orElseGet(() -> String.join("\n", domains.configured())),
				String.join("\n", BadDomains.normalize(ReviewListsForm.lines(form.domains()).lines().toList())),
				changed);
		return changed;
	}

	/**
	 * A general setting as stored now, read in the caller's transaction (its configured
	 * value without a row): what a save compares with, since this node's copy may be a
	 * refresh (2 s) behind a change made on another node, and a value just cleared there
	 * would look unchanged here and be skipped.
	 */
	private String stored(String name) {
		return settings.stored(name)
			.orElseGet(() -> settings.configured(name)
				.orElseThrow(() -> new IllegalStateException("Setting '" + name
						+ "' has no configured default: add a case for it to SiteSettings.configured()")));
	}

	/**
	 * Adds a channel; field → message key for a refusal (empty when added).
	 */
	@Transactional
	public Map<String, String> addChannel(String slug, String name) {
		SignedIn admin = requireAdmin();
		Map<String, String> errors = new LinkedHashMap<>();
		String s = slug == null ? "" : slug.strip();
		if (!Channels.isValidSlug(s)) {
			errors.put("channelSlug", "siteSettings.error.channelSlug");
		}
		errors.putAll(channelName("channelName", name));
		if (errors.isEmpty() && channels.add(s, name).isEmpty()) {
			errors.put("channelSlug", "siteSettings.error.channelTaken");
		}
		if (errors.isEmpty()) {
			channelsChanged(admin, "channel.add", s, name.strip());
		}
		return errors;
	}

	/** Renames a channel; field → message key for a refusal. */
	@Transactional
	public Map<String, String> renameChannel(long id, String name) {
		SignedIn admin = requireAdmin();
		Map<String, String> errors = channelName("name-" + id, name);
		if (errors.isEmpty()) {
			String old = channels.get(id).name();
			if (!old.equals(name.strip())) {
				channels.rename(id, name);
				channelsChanged(admin, "channel.rename", channels.get(id).slug(),
						"「" + old + "」 → 「" + name.strip() + "」");
			}
		}
		return errors;
	}

	@Transactional
	public void moveChannel(long id, int direction) {
		SignedIn admin = requireAdmin();
		if (channels.move(id, direction)) {
			channelsChanged(admin, "channel.move", channels.get(id).slug(), direction < 0 ? "↑" : "↓");
		}
	}

	@Transactional
	public void hideChannel(long id, boolean hidden) {
		SignedIn admin = requireAdmin();
		if (channels.get(id).hidden() != hidden) {
			channels.hide(id, hidden);
			channelsChanged(admin, "channel.hide", channels.get(id).slug(), hidden ? "false → true" : "true → false");
		}
	}

	private static Map<String, String> channelName(String field, String name) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank()) {
			errors.put(field, "siteSettings.error.channelName");
		}
		else if (name.strip().length() > MAX_CHANNEL_NAME) {
			errors.put(field, "siteSettings.error.channelNameLength");
		}
		return errors;
	}

	/** One audit entry, and every node drops its cached channel list. */
	private void channelsChanged(SignedIn admin, String what, String slug, String details) {
		settings.put(SiteSettings.CHANNELS_VERSION, Long.toString(Ids.next()), admin.accountId());
		audit.record(admin.accountId(), admin.displayName(), AUDIT_ACTION, "channel", slug, what, details);
	}

	private static SignedIn requireAdmin() {
		SignedIn me = SignedIn.current().orElseThrow(() -> new ForbiddenException("problem.accounts.adminsOnly"));
		if (!me.isAdmin()) {
			throw new ForbiddenException("problem.accounts.adminsOnly");
		}
		return me;
	}

	private void change(SignedIn admin, String name, String old, String value, List<String> changed) {
		if (Objects.equals(old, value)) {
			return;
		}
		settings.put(name, value, admin.accountId());
		audit.record(admin.accountId(), admin.displayName(), AUDIT_ACTION, "setting", name, null,
				"「" + old + "」 → 「" + value + "」");
		changed.add(name);
	}

	private void listChange(SignedIn admin, String name, String old, String value, List<String> changed) {
		Set<String> before = new LinkedHashSet<>(old.strip().lines().map(String::strip).toList());
		Set<String> after = new LinkedHashSet<>(value.strip().lines().map(String::strip).toList());
		before.remove("");
		after.remove("");
		if (before.equals(after)) {
			return;
		}
		settings.put(name, String.join("\n", after), admin.accountId());
		List<String> added = after.stream().filter(line -> !before.contains(line)).toList();
		List<String> removed = before.stream().filter(line -> !after.contains(line)).toList();
		audit.record(admin.accountId(), admin.displayName(), AUDIT_ACTION, "setting", name, null,
				before.size() + " → " + after.size() + (added.isEmpty() ? "" : " +" + String.join(" +", added))
						+ (removed.isEmpty() ? "" : " −" + String.join(" −", removed)));
		changed.add(name);
	}

}
