package io.inkstone.governance;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

	static final String COLUMNS = "id, ref, target_type, target_id, article_id, creator_id, reason, detail, evidence, reporter_key,"
			+ " reporter_account, status, decision, decision_rule, decision_note, decided_by, decided_at, appeal_status,"
			+ " appeal_text, appealed_at, appeal_decided_by, appeal_decided_at, created_at, claimant_name, claimant_contact, original_work";

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
		return jdbc.sql("SELECT " + COLUMNS + " FROM reports WHERE id = :id")
			.param("id", id)
			.query(Report.class)
			.optional();
	}

	Optional<Report> byRef(String ref) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reports WHERE ref = :ref")
			.param("ref", ref)
			.query(Report.class)
			.optional();
	}

	List<Report> byReporter(String reporterKey) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM reports WHERE reporter_key = :key ORDER BY created_at DESC LIMIT 100")
			.param("key", reporterKey)
			.query(Report.class)
			.list();
	}

	List<Report> open(String reason, int limit) {
		String where = reason == null ? "" : " AND reason = :reason";
		var spec = jdbc
			.sql("SELECT " + COLUMNS + " FROM reports WHERE status = 'open'" + where
					+ " ORDER BY created_at LIMIT :limit")
			.param("limit", limit);
		return (reason == null ? spec : spec.param("reason", reason)).query(Report.class).list();
	}

	List<Report> appeals(int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM reports WHERE appeal_status = 'open' ORDER BY appealed_at LIMIT :limit")
			.param("limit", limit)
			.query(Report.class)
			.list();
	}

	List<Report> ofCreator(long creatorId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM reports WHERE creator_id = :creator AND status = 'decided'"
					+ " AND decision <> 'no-action' ORDER BY decided_at DESC LIMIT 100")
			.param("creator", creatorId)
			.query(Report.class)
			.list();
	}

	List<Report> createdBetween(long from, long to) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM reports WHERE created_at >= :from AND created_at < :to ORDER BY id")
			.param("from", from)
			.param("to", to)
			.query(Report.class)
			.list();
	}

	boolean decide(long id, String decision, String rule, String note, long by, long at) {
		return jdbc.sql(
				"UPDATE reports SET status = 'decided', decision = :decision, decision_rule = :rule, decision_note = :note,"
						+ " decided_by = :by, decided_at = :at WHERE id = :id AND status = 'open'")
			.param("decision", decision)
			.param("rule", rule)
			.param("note", note)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.update() == 1;
	}

	boolean appeal(long id, String text, long at) {
		return jdbc
			.sql("UPDATE reports SET appeal_status = 'open', appeal_text = :text, appealed_at = :at"
					+ " WHERE id = :id AND appeal_status = 'none' AND status = 'decided'")
			.param("text", text)
			.param("at", at)
			.param("id", id)
			.update() == 1;
	}

	boolean decideAppeal(long id, String outcome, long by, long at) {
		return jdbc
			.sql("UPDATE reports SET appeal_status = :outcome, appeal_decided_by = :by, appeal_decided_at = :at"
					+ " WHERE id = :id AND appeal_status = 'open'")
			.param("outcome", outcome)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.update() == 1;
	}

	void restrict(long creatorId, long until, String reason) {
		jdbc.sql("INSERT INTO creator_restrictions (creator_id, until_at, reason) VALUES (:id, :until, :reason)"
				+ " ON CONFLICT (creator_id) DO UPDATE SET until_at = EXCLUDED.until_at, reason = EXCLUDED.reason")
			.param("id", creatorId)
			.param("until", until)
			.param("reason", reason)
			.update();
	}

	void lift(long creatorId) {
		jdbc.sql("DELETE FROM creator_restrictions WHERE creator_id = :id").param("id", creatorId).update();
	}

	Optional<Long> restrictedUntil(long creatorId, long now) {
		return jdbc.sql("SELECT until_at FROM creator_restrictions WHERE creator_id = :id AND until_at > :now")
			.param("id", creatorId)
			.param("now", now)
			.query(Long.class)
			.optional();
	}

}
