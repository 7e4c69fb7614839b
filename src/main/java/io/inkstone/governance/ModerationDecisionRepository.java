package io.inkstone.governance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code moderation_decisions}: every decision and its appeal. */
@Repository
class ModerationDecisionRepository {

	static final String COLUMNS = "id, ref, source, report_id, subject_type, subject_id, article_id, creator_id, action, reason,"
			+ " rule_text, statement, decided_by, decided_at, received_at, appeal_status, appeal_text, appealed_at,"
			+ " appeal_decided_by, appeal_decided_at, appeal_note";

	private final JdbcClient jdbc;

	ModerationDecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ModerationDecision d) {
		jdbc.sql("INSERT INTO moderation_decisions (" + COLUMNS
				+ ") VALUES (:id, :ref, :source, :report, :type, :subject,"
				+ " :article, :creator, :action, :reason, :rule, :statement, :by, :at, :received, 'none', NULL, NULL, NULL,"
				+ " NULL, NULL)")
			.param("id", d.id())
			.param("ref", d.ref())
			.param("source", d.source())
			.param("report", d.reportId())
			.param("type", d.subjectType())
			.param("subject", d.subjectId())
			.param("article", d.articleId())
			.param("creator", d.creatorId())
			.param("action", d.action())
			.param("reason", d.reason())
			.param("rule", d.ruleText())
			.param("statement", d.statement())
			.param("by", d.decidedBy())
			.param("at", d.decidedAt())
			.param("received", d.receivedAt())
			.update();
	}

	/** The statement of reasons as it was sent. */
	void statementText(long id, String text) {
		jdbc.sql("UPDATE moderation_decisions SET statement_text = :text WHERE id = :id")
			.param("id", id)
			.param("text", text)
			.update();
	}

	Optional<ModerationDecision> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE id = :id")
			.param("id", id)
			.query(ModerationDecision.class)
			.optional();
	}

	/** Open appeals, oldest first; {@code sources} narrows them (empty: all). */
	List<ModerationDecision> openAppeals(Collection<String> sources, int limit) {
		String where = sources.isEmpty() ? "" : " AND source IN (:sources)";
		var spec = jdbc
			.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE appeal_status = 'open'" + where
					+ " ORDER BY appealed_at, id LIMIT :limit")
			.param("limit", limit);
		return (sources.isEmpty() ? spec : spec.param("sources", List.copyOf(sources))).query(ModerationDecision.class)
			.list();
	}

	/** A creator's decisions of one source, newest first. */
	List<ModerationDecision> ofCreator(long creatorId, Collection<String> sources) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE creator_id = :c AND source IN (:sources)"
					+ " ORDER BY decided_at DESC, id DESC LIMIT 100")
			.param("c", creatorId)
			.param("sources", List.copyOf(sources))
			.query(ModerationDecision.class)
			.list();
	}

	List<ModerationDecision> ofArticles(Collection<Long> articleIds) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE article_id IN (:ids) ORDER BY decided_at, id")
			.param("ids", List.copyOf(articleIds))
			.query(ModerationDecision.class)
			.list();
	}

	/** Decisions on cases received in the period (by the time the case arrived). */
	List<ModerationDecision> receivedBetween(long from, long to) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM moderation_decisions WHERE received_at >= :from AND received_at < :to ORDER BY id")
			.param("from", from)
			.param("to", to)
			.query(ModerationDecision.class)
			.list();
	}

	boolean appeal(long id, String text, long at) {
		return jdbc
			.sql("UPDATE moderation_decisions SET appeal_status = 'open', appeal_text = :text, appealed_at = :at"
					+ " WHERE id = :id AND appeal_status = 'none'")
			.param("text", text)
			.param("at", at)
			.param("id", id)
			.update() == 1;
	}

	boolean decideAppeal(long id, String outcome, String note, long by, long at) {
		return jdbc.sql(
				"UPDATE moderation_decisions SET appeal_status = :outcome, appeal_note = :note, appeal_decided_by = :by,"
						+ " appeal_decided_at = :at WHERE id = :id AND appeal_status = 'open'")
			.param("outcome", outcome)
			.param("note", note)
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

}
