package io.inkstone.audit;

import java.util.Optional;

/**
 * A port for the audit log page: the module that owns a kind of audited object names it
 * (an article by its title), so staff read what an entry is about instead of an id.
 */
public interface AuditSubjects {

	/** The object's name, or empty when this module does not know it. */
	Optional<String> name(String targetType, String targetId);

}
