package io.inkstone.discovery;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors pin, remove or demote hot-list items — never silently: each action needs a
 * reason, is written to the audit log, and is listed on the public algorithm page for as
 * long as it lasts. The hot list applies them on its next refresh (every node within
 * seconds: they live in the database).
 */
@Service
public class HotOverrides {

	static final Set<String> ACTIONS = Set.of("pin", "remove", "demote");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	HotOverrides(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<HotOverride> active() {
		return jdbc.sql(
				"SELECT article_id, action, reason, actor_id, actor_name, created_at FROM hot_overrides ORDER BY created_at")
			.query(HotOverride.class)
			.list();
	}

	@Transactional
	public void apply(long articleId, String action, String reason, SignedIn editor) {
		if (!ACTIONS.contains(action)) {
			throw new BadRequestException("problem.discovery.unknownAction");
		}
		String clean = reason == null ? "" : reason.strip();
		if (clean.isEmpty() || clean.length() > 500) {
			throw new BadRequestException("problem.discovery.aReasonIsRequired");
		}
		jdbc.sql(
				"INSERT INTO hot_overrides (article_id, action, reason, actor_id, actor_name, created_at) VALUES (:a, :act, :r, :by,"
						+ " :name, :at) ON CONFLICT (article_id) DO UPDATE SET action = EXCLUDED.action, reason = EXCLUDED.reason,"
						+ " actor_id = EXCLUDED.actor_id, actor_name = EXCLUDED.actor_name, created_at = EXCLUDED.created_at")
			.param("a", articleId)
			.param("act", action)
			.param("r", clean)
			.param("by", editor.accountId())
			.param("name", editor.displayName())
			.param("at", clock.millis())
			.update();
		audit.record("hot." + action, "article", articleId, clean, null);
	}

	@Transactional
	public void clear(long articleId, String reason) {
		String clean = reason == null ? "" : reason.strip();
		if (clean.isEmpty() || clean.length() > 500) {
			throw new BadRequestException("problem.discovery.aReasonIsRequired2");
		}
		if (jdbc.sql("DELETE FROM hot_overrides WHERE article_id = :a").param("a", articleId).update() == 0) {
			throw new NotFoundException("no override for " + articleId);
		}
		audit.record("hot.clear", "article", articleId, clean, null);
	}

}
