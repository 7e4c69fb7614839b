package io.inkstone.governance;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

	/**
	 * A report with its decision: the decision and its appeal come from the one model
	 * ({@code moderation_decisions}), not from the report's own, unused, decision
	 * columns.
	 */
	static final String COLUMNS = "r.id, r.ref, r.target_type, r.target_id, r.article_id, r.creator_id, r.reason, r.detail,"
			+ " r.evidence, r.reporter_key, r.reporter_account, r.status, d.action AS decision, d.rule_text AS decision_rule,"
			+ " d.statement AS decision_note, d.decided_by, d.decided_at, COALESCE(d.appeal_status, 'none') AS appeal_status,"
			+ " d.appeal_text, d.appealed_at, d.appeal_decided_by, d.appeal_decided_at, r.created_at, r.claimant_name,"
			+ " r.claimant_contact, r.original_work";

	static final String FROM = " FROM reports r LEFT JOIN moderation_decisions d ON d.report_id = r.id";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Report r) {
		jdbc.sql(
				"INSERT INTO reports (id, ref, target_type, target_id, article_id, creator_id, reason, detail, evidence,"
						+ " reporter_key, reporter_account, status, appeal_status, created_at, claimant_name, claimant_contact, original_work)"
						+ " VALUES (:id, :ref, :type, :target, :article, :creator, :reason, :detail, :evidence, :reporter, :account, 'open',"
						+ " 'none', :at, :claimant, :contact, :work)")
			.param("claimant", r.claimantName())
			.param("contact", r.claimantContact())
			.param("work", r.originalWork())
			.param("id", r.id())
			.param("ref", r.ref())
			.param("type", r.targetType())
			.param("target", r.targetId())
			.param("article", r.articleId())
			.param("creator", r.creatorId())
			.param("reason", r.reason())
			.param("detail", r.detail())
			.param("evidence", r.evidence())
			.param("reporter", r.reporterKey())
			.param("account", r.reporterAccount())
			.param("at", r.createdAt())
			.update();
	}

	Optional<Report> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = :id")
			.param("id", id)
			.query(Report.class)
			.optional();
	}

	Optional<Report> byRef(String ref) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.ref = :ref")
			.param("ref", ref)
			.query(Report.class)
			.optional();
	}

	List<Report> byReporter(String reporterKey) {
		return jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE r.reporter_key = :key ORDER BY r.created_at DESC LIMIT 100")
			.param("key", reporterKey)
			.query(Report.class)
			.list();
	}

	List<Report> open(String reason, int limit) {
		String where = reason == null ? "" : " AND r.reason = :reason";
		var spec = jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE r.status = 'open'" + where
					+ " ORDER BY r.created_at LIMIT :limit")
			.param("limit", limit);
		return (reason == null ? spec : spec.param("reason", reason)).query(Report.class).list();
	}

	/** Reports received in the period: the notices the transparency report counts. */
	List<Report> createdBetween(long from, long to) {
		return jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE r.created_at >= :from AND r.created_at < :to ORDER BY r.id")
			.param("from", from)
			.param("to", to)
			.query(Report.class)
			.list();
	}

	/** The report's own state: decided (its decision is in the one model). */
	boolean markDecided(long id) {
		return jdbc.sql("UPDATE reports SET status = 'decided' WHERE id = :id AND status = 'open'")
			.param("id", id)
			.update() == 1;
	}

	Optional<Long> restrictedUntil(long creatorId, long now) {
		return jdbc.sql("SELECT until_at FROM creator_restrictions WHERE creator_id = :id AND until_at > :now")
			.param("id", creatorId)
			.param("now", now)
			.query(Long.class)
			.optional();
	}

}
