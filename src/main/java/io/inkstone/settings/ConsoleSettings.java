package io.inkstone.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditLog;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.governance.ComplianceProfile;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.SiteSettings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' settings beside the general ones: compliance duties switched on or off
 * on top of the profile, and channels merged into one another. Each change is stored and
 * audited in one transaction, and reaches every node as a settings change.
 */
@Service
class ConsoleSettings {

	static final String PROFILE = "profile";

	private final SiteSettings settings;

	private final ComplianceProfile compliance;

	private final Channels channels;

	private final Articles articles;

	private final AuditLog audit;

	ConsoleSettings(SiteSettings settings, ComplianceProfile compliance, Channels channels, Articles articles,
			AuditLog audit) {
		this.settings = settings;
		this.compliance = compliance;
		this.channels = channels;
		this.articles = articles;
		this.audit = audit;
	}

	/** Every duty as it stands now (or with the choices as posted). */
	List<ConsolePart.Duty> duties(DutyOverridesForm posted) {
		Map<String, String> choices = posted == null ? null : posted.choices();
		List<ConsolePart.Duty> duties = new ArrayList<>();
		for (String duty : ComplianceProfile.ORDERED) {
			boolean switchable = ComplianceProfile.SWITCHABLE.contains(duty);
			String choice = choices != null && switchable ? choices.get(duty) : choice(duty);
			duties.add(new ConsolePart.Duty(duty, switchable ? DutyOverridesForm.FIELDS.get(duty) : null, choice,
					compliance.profileSays(duty), compliance.on(duty), switchable));
		}
		return duties;
	}

	private String choice(String duty) {
		return compliance.adminOverride(duty).map(on -> on ? "on" : "off").orElse(PROFILE);
	}

	/** The admin's choice for a duty as stored now, read in the caller's transaction. */
	private String storedChoice(String duty) {
		return settings.stored(ComplianceProfile.OVERRIDE_PREFIX + duty)
			.filter(value -> value.equals("true") || value.equals("false"))
			.map(value -> Boolean.parseBoolean(value) ? "on" : "off")
			.orElse(PROFILE);
	}

	/** Stores the duty choices; returns the duties whose choice changed. */
	@Transactional
	public List<String> save(DutyOverridesForm form) {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, String> entry : form.choices().entrySet()) {
			String duty = entry.getKey();
			// compared with what is stored, not this node's copy: that may be a refresh
			// (2 s) behind a change made on another node
			String old = storedChoice(duty);
			if (Objects.equals(old, entry.getValue())) {
				continue;
			}
			String value = switch (entry.getValue()) {
				case "on" -> "true";
				case "off" -> "false";
				default -> null;
			};
			settings.put(ComplianceProfile.OVERRIDE_PREFIX + duty, value, admin.accountId());
			audit.record(admin.accountId(), admin.displayName(), SettingsChanges.AUDIT_ACTION, "setting",
					ComplianceProfile.OVERRIDE_PREFIX + duty, null, "「" + old + "」 → 「" + entry.getValue() + "」");
			changed.add(duty);
		}
		return changed;
	}

	/**
	 * Checks a merge: field → message key (empty when it may go ahead). Refused: the same
	 * channel, a channel that does not exist (or was merged already), a hidden target.
	 */
	Map<String, String> check(ChannelMergeForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Long, Channel> byId = channels.byId();
		Channel from = form.mergeFrom() == null ? null : byId.get(form.mergeFrom());
		Channel into = form.mergeInto() == null ? null : byId.get(form.mergeInto());
		if (from == null) {
			errors.put("mergeFrom", "siteSettings.error.mergeFrom");
		}
		if (into == null) {
			errors.put("mergeInto", "siteSettings.error.mergeInto");
		}
		else if (from != null && from.id() == into.id()) {
			errors.put("mergeInto", "siteSettings.error.mergeSelf");
		}
		else if (into.hidden()) {
			errors.put("mergeInto", "siteSettings.error.mergeHidden");
		}
		return errors;
	}

	/** What the merge will do, for the confirmation step (a checked form). */
	ConsolePart.MergePreview preview(ChannelMergeForm form) {
		Channel from = channels.get(form.mergeFrom());
		Channel into = channels.get(form.mergeInto());
		return new ConsolePart.MergePreview(from.id(), from.name(), from.slug(), into.id(), into.name(), into.slug(),
				articles.countInChannel(from.id()));
	}

	/**
	 * Merges a checked form's channels: the articles move, the channel leaves every list
	 * and its addresses redirect; audited, and every node drops its channels and pages.
	 * Returns how many articles moved.
	 */
	@Transactional
	public int merge(ChannelMergeForm form) {
		SignedIn admin = requireAdmin();
		Channel from = channels.get(form.mergeFrom());
		Channel into = channels.get(form.mergeInto());
		int moved = articles.moveChannel(from.id(), into.id());
		channels.merge(from.id(), into.id());
		settings.put(SiteSettings.CHANNELS_VERSION, Long.toString(Ids.next()), admin.accountId());
		audit.record(admin.accountId(), admin.displayName(), SettingsChanges.AUDIT_ACTION, "channel", from.slug(),
				"channel.merge", from.slug() + " → " + into.slug() + " (" + moved + ")");
		return moved;
	}

	private static SignedIn requireAdmin() {
		SignedIn me = SignedIn.current().orElseThrow(() -> new ForbiddenException("problem.accounts.adminsOnly"));
		if (!me.isAdmin()) {
			throw new ForbiddenException("problem.accounts.adminsOnly");
		}
		return me;
	}

}
