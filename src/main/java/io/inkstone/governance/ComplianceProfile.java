package io.inkstone.governance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code inkstone.compliance.profile} = cn-mainland | eu-dsa | minimal switches the
 * platform's duties; any duty can be overridden with
 * {@code inkstone.compliance.duties.<duty>=true|false}. An admin can switch the profile
 * at {@code /admin/settings}, and turn a switchable duty on or off on top of it (stored
 * as the setting {@code compliance.duty.<duty>}, which wins over the configuration), on
 * every node without a restart. The README's table lists each duty with the rule it
 * implements.
 */
@Component
public class ComplianceProfile {

	public static final Set<String> DUTIES = Set.of("pre-review-new-creators", "hold-flagged", "statement-of-reasons",
			"ip-location", "org-disclosure", "ai-labels", "algorithm-controls", "transparency-report");

	/**
	 * The duties the code switches, in the README's order; the others are always on in
	 * this version, so an override of them would change nothing.
	 */
	public static final List<String> SWITCHABLE = List.of("pre-review-new-creators", "hold-flagged", "ip-location",
			"org-disclosure");

	/** All duties in the README's order. */
	public static final List<String> ORDERED = List.of("pre-review-new-creators", "hold-flagged",
			"statement-of-reasons", "ip-location", "org-disclosure", "ai-labels", "algorithm-controls",
			"transparency-report");

	/** The site setting that overrides a duty: {@code compliance.duty.<duty>}. */
	public static final String OVERRIDE_PREFIX = "compliance.duty.";

	private static final Map<String, Set<String>> PROFILES = Map.of("cn-mainland", DUTIES, "eu-dsa",
			Set.of("hold-flagged", "statement-of-reasons", "ai-labels", "algorithm-controls", "transparency-report"),
			"minimal", Set.of("statement-of-reasons", "ai-labels", "algorithm-controls", "transparency-report"));

	private final ComplianceProperties properties;

	private final SiteSettings settings;

	private record Resolved(String profile, Set<String> on, Set<String> profileOn) {
	}

	/**
	 * The duties in force, resolved when the profile changes: pages ask on every view,
	 * and the environment locks while it looks up.
	 */
	private volatile Resolved resolved;

	/** The configured profile only (unit tests). */
	ComplianceProfile(ComplianceProperties properties) {
		this(properties, null);
	}

	/**
	 * The configured profile, unless an admin picked another at {@code /admin/settings}.
	 */
	@Autowired
	ComplianceProfile(ComplianceProperties properties, SiteSettings settings) {
		if (!PROFILES.containsKey(properties.profile())) {
			throw new IllegalStateException("inkstone.compliance.profile must be one of " + PROFILES.keySet() + ", not "
					+ properties.profile());
		}
		this.properties = properties;
		this.settings = settings;
		this.resolved = resolve();
	}

	/** The profiles there are, in a stable order. */
	public static List<String> profiles() {
		return PROFILES.keySet().stream().sorted().toList();
	}

	/** The profile in the configuration, before any admin change. */
	public String configured() {
		return properties.profile();
	}

	@EventListener
	void on(SiteSettingsChanged changed) {
		if (changed.touches(SiteSettings.COMPLIANCE_PROFILE)
				|| changed.names().stream().anyMatch(name -> name.startsWith(OVERRIDE_PREFIX))) {
			resolved = resolve();
		}
	}

	private Resolved resolve() {
		String profile = settings == null ? properties.profile()
				: settings.value(SiteSettings.COMPLIANCE_PROFILE)
					.filter(PROFILES::containsKey)
					.orElse(properties.profile());
		Map<String, Boolean> overrides = new HashMap<>();
		if (properties.duties() != null) {
			properties.duties().forEach((duty, value) -> overrides.put(comparable(duty), value));
		}
		Set<String> on = new HashSet<>();
		Set<String> profileOn = new HashSet<>();
		for (String duty : DUTIES) {
			Boolean configured = overrides.get(comparable(duty));
			boolean byProfile = configured != null ? configured : PROFILES.get(profile).contains(duty);
			if (byProfile) {
				profileOn.add(duty);
			}
			Boolean admin = adminOverride(duty).orElse(null);
			if (admin != null ? admin : byProfile) {
				on.add(duty);
			}
		}
		return new Resolved(profile, Set.copyOf(on), Set.copyOf(profileOn));
	}

	/**
	 * An admin's override of a switchable duty at {@code /admin/settings}: on, off, or
	 * empty for "as the profile says".
	 */
	public Optional<Boolean> adminOverride(String duty) {
		if (settings == null || !SWITCHABLE.contains(duty)) {
			return Optional.empty();
		}
		return settings.value(OVERRIDE_PREFIX + duty)
			.filter(v -> v.equals("true") || v.equals("false"))
			.map(Boolean::parseBoolean);
	}

	/**
	 * Whether the profile (with the configuration's overrides) puts the duty on, before
	 * an admin's override.
	 */
	public boolean profileSays(String duty) {
		if (!DUTIES.contains(duty)) {
			throw new IllegalArgumentException("unknown duty " + duty);
		}
		return resolved.profileOn().contains(duty);
	}

	/**
	 * Duty names compared without separators: {@code hold-flagged} in YAML,
	 * {@code hold.flagged} from the environment variable
	 * {@code INKSTONE_COMPLIANCE_DUTIES_HOLD_FLAGGED}, {@code holdflagged} all name one
	 * duty.
	 */
	private static String comparable(String duty) {
		return duty.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

	public String name() {
		return resolved.profile();
	}

	public boolean on(String duty) {
		if (!DUTIES.contains(duty)) {
			throw new IllegalArgumentException("unknown duty " + duty);
		}
		return resolved.on().contains(duty);
	}

}
