package io.inkstone.governance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * {@code inkstone.compliance.profile} = cn-mainland | eu-dsa | minimal switches the
 * platform's duties; any duty can be overridden with
 * {@code inkstone.compliance.duties.<duty>=true|false}. The README's table lists each
 * duty with the rule it implements.
 */
@Component
public class ComplianceProfile {

	public static final Set<String> DUTIES = Set.of("pre-review-new-creators", "hold-flagged", "statement-of-reasons",
			"ip-location", "org-disclosure", "ai-labels", "algorithm-controls", "transparency-report");

	private static final Map<String, Set<String>> PROFILES = Map.of("cn-mainland", DUTIES, "eu-dsa",
			Set.of("hold-flagged", "statement-of-reasons", "ai-labels", "algorithm-controls", "transparency-report"),
			"minimal", Set.of("statement-of-reasons", "ai-labels", "algorithm-controls", "transparency-report"));

	private final String profile;

	/**
	 * The duties in force, resolved once: pages ask on every view, and the environment
	 * locks while it looks up.
	 */
	private final Set<String> on;

	ComplianceProfile(ComplianceProperties properties) {
		String profile = properties.profile();
		if (!PROFILES.containsKey(profile)) {
			throw new IllegalStateException(
					"inkstone.compliance.profile must be one of " + PROFILES.keySet() + ", not " + profile);
		}
		this.profile = profile;
		Map<String, Boolean> overrides = new HashMap<>();
		if (properties.duties() != null) {
			properties.duties().forEach((duty, value) -> overrides.put(comparable(duty), value));
		}
		Set<String> on = new HashSet<>();
		for (String duty : DUTIES) {
			Boolean override = overrides.get(comparable(duty));
			if (override != null ? override : PROFILES.get(profile).contains(duty)) {
				on.add(duty);
			}
		}
		this.on = Set.copyOf(on);
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
		return profile;
	}

	public boolean on(String duty) {
		if (!DUTIES.contains(duty)) {
			throw new IllegalArgumentException("unknown duty " + duty);
		}
		return on.contains(duty);
	}

}
