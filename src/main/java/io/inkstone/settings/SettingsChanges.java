package io.inkstone.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.inkstone.audit.AuditLog;
import io.inkstone.governance.BadDomains;
import io.inkstone.governance.ComplianceProfile;
import io.inkstone.governance.SensitiveWords;
import io.inkstone.shared.ForbiddenException;
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

	private final SiteSettings settings;

	private final ComplianceProfile compliance;

	private final SensitiveWords words;

	private final BadDomains domains;

	private final AuditLog audit;

	SettingsChanges(SiteSettings settings, ComplianceProfile compliance, SensitiveWords words, BadDomains domains,
			AuditLog audit) {
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
		SettingsForm now = current();
		List<String> changed = new ArrayList<>();
		change(admin, SiteSettings.SITE_NAME, now.siteName(), SettingsForm.strip(form.siteName()), changed);
		change(admin, SiteSettings.DISCLAIMER_ZH, now.disclaimerZh(), SettingsForm.strip(form.disclaimerZh()), changed);
		change(admin, SiteSettings.DISCLAIMER_EN, now.disclaimerEn(), SettingsForm.strip(form.disclaimerEn()), changed);
		change(admin, SiteSettings.TIME_ZONE, now.timeZone(),
				SiteSettings.zoneOf(form.timeZone()).orElseThrow().getId(), changed);
		change(admin, SiteSettings.COMPLIANCE_PROFILE, now.complianceProfile(), form.complianceProfile().strip(),
				changed);
		return changed;
	}

	/** Stores the lists; returns the names of the settings that changed. */
	@Transactional
	public List<String> save(ReviewListsForm form) {
		SignedIn admin = requireAdmin();
		ReviewListsForm now = currentLists();
		List<String> changed = new ArrayList<>();
		listChange(admin, SiteSettings.SENSITIVE_WORDS, now.words(), ReviewListsForm.lines(form.words()), changed);
		listChange(admin, SiteSettings.BAD_DOMAINS, now.domains(),
				String.join("\n", BadDomains.normalize(ReviewListsForm.lines(form.domains()).lines().toList())),
				changed);
		return changed;
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
