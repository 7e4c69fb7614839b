package io.inkstone.audit;

import java.time.Clock;
import java.util.List;

import io.inkstone.shared.Ids;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TwoLanguages;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Appends to and reads the audit log. There is deliberately no update or delete method;
 * an append joins the caller's transaction, so an action and its record commit together
 * or not at all.
 */
@Service
public class AuditLog {

	private static final String COLUMNS = "id, at, actor_id, actor_name, action, target_type, target_id, reason, details";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * Records an action by the signed-in staff member (or the system when nobody is
	 * signed in: stored as "系统 / system", in both languages, as it always was; the pages
	 * show their own word for an entry without an actor).
	 */
	public AuditEntry record(String action, String targetType, Object targetId, String reason, String details) {
		SignedIn actor = SignedIn.current().orElse(null);
		return record(actor == null ? null : actor.accountId(),
				actor == null ? TwoLanguages.inline(messages, "audit.storedActor.system") : actor.displayName(), action,
				targetType, targetId, reason, details);
	}

	public AuditEntry record(Long actorId, String actorName, String action, String targetType, Object targetId,
			String reason, String details) {
		AuditEntry entry = new AuditEntry(Ids.next(), clock.millis(), actorId, truncate(actorName, 100), action,
				targetType, targetId == null ? null : targetId.toString(), truncate(reason, 1000),
				truncate(details, 2000));
		jdbc.sql("INSERT INTO audit_log (" + COLUMNS
				+ ") VALUES (:id, :at, :actor, :name, :action, :type, :target, :reason, :details)")
			.param("id", entry.id())
			.param("at", entry.at())
			.param("actor", entry.actorId())
			.param("name", entry.actorName())
			.param("action", entry.action())
			.param("type", entry.targetType())
			.param("target", entry.targetId())
			.param("reason", entry.reason())
			.param("details", entry.details())
			.update();
		return entry;
	}

	/**
	 * Newest first, keyset-paged by id (ids are time-ordered); {@code action} null for
	 * all actions.
	 */
	public List<AuditEntry> page(Long beforeId, String action, int size) {
		// conditions are added in Java: PostgreSQL cannot type a bare "NULL IS NULL"
		// parameter
		String where = (beforeId == null ? "" : " AND id < :before") + (action == null ? "" : " AND action = :action");
		var spec = jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1" + where + " ORDER BY id DESC LIMIT :size")
			.param("size", size);
		if (beforeId != null) {
			spec = spec.param("before", beforeId);
		}
		if (action != null) {
			spec = spec.param("action", action);
		}
		return spec.query(AuditEntry.class).list();
	}

	/** Every entry between two instants (epoch millis), oldest first: for exports. */
	public List<AuditEntry> between(long from, long to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE at >= :from AND at < :to ORDER BY id")
			.param("from", from)
			.param("to", to)
			.query(AuditEntry.class)
			.list();
	}

	public List<AuditEntry> forTarget(String targetType, Object targetId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log WHERE target_type = :type AND target_id = :id ORDER BY id")
			.param("type", targetType)
			.param("id", targetId.toString())
			.query(AuditEntry.class)
			.list();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
