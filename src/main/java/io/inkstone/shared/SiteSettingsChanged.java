package io.inkstone.shared;

import java.util.Set;

/**
 * Settings changed (on this node or another one), announced on every node once it has
 * loaded the new values: the names of the settings whose value differs.
 */
public record SiteSettingsChanged(Set<String> names) {

	public boolean touches(String name) {
		return names.contains(name);
	}

}
