package io.inkstone.governance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Link domains that hold an article for review: {@code inkstone.review.bad-domains} until
 * an admin edits the list at {@code /admin/settings}, then that list, on every node.
 */
@Component
public class BadDomains {

	private final ReviewProperties properties;

	private final SiteSettings settings;

	private volatile List<String> domains;

	BadDomains(ReviewProperties properties, SiteSettings settings) {
		this.properties = properties;
		this.settings = settings;
		this.domains = load();
	}

	@EventListener
	void on(SiteSettingsChanged changed) {
		if (changed.touches(SiteSettings.BAD_DOMAINS)) {
			domains = load();
		}
	}

	private List<String> load() {
		List<String> listed = settings.value(SiteSettings.BAD_DOMAINS)
			.map(text -> Arrays.asList(text.split("\n")))
			.orElse(properties.badDomains());
		return normalize(listed);
	}

	/** The configured domains, what the list is before any admin change. */
	public List<String> configured() {
		return normalize(properties.badDomains());
	}

	/** Lower-case domains, blanks, comments and repeats left out. */
	public static List<String> normalize(List<String> lines) {
		Set<String> out = new LinkedHashSet<>();
		for (String line : lines) {
			String domain = line.strip().toLowerCase(Locale.ROOT);
			if (!domain.isEmpty() && !domain.startsWith("#")) {
				out.add(domain);
			}
		}
		return List.copyOf(out);
	}

	/** The domains in force. */
	public List<String> list() {
		return domains;
	}

	/** Whether a link's host is a listed domain or under one. */
	public boolean matches(String host) {
		return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
	}

}
