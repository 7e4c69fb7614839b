package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.inkstone.shared.MarkdownRenderer;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the stored automatic summaries again from the text readers see
 * ({@link MarkdownRenderer#summaryFromHtml}): they were the Markdown's plain text, with
 * links as {@code "text" (url)}, code blocks, task boxes and footnote markers. A summary
 * is automatic when it is exactly what the old rule gave for the article's body; one a
 * creator typed is left alone. Runs once, a batch of articles at a time, on SQLite and
 * PostgreSQL alike.
 */
public class V202612020060__articles_auto_summaries_from_rendered_text extends BaseJavaMigration {

	private static final int BATCH = 500;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		long after = Long.MIN_VALUE;
		while (true) {
			Map<Long, String> changed = new LinkedHashMap<>();
			int read = 0;
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT id, body_markdown, summary FROM articles WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
				select.setLong(1, after);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						read++;
						after = rows.getLong(1);
						String summary = again(rows.getString(2), rows.getString(3));
						if (summary != null) {
							changed.put(after, summary);
						}
					}
				}
			}
			if (!changed.isEmpty()) {
				try (PreparedStatement update = connection
					.prepareStatement("UPDATE articles SET summary = ? WHERE id = ?")) {
					for (Map.Entry<Long, String> e : changed.entrySet()) {
						update.setString(1, e.getValue());
						update.setLong(2, e.getKey());
						update.addBatch();
					}
					update.executeBatch();
				}
			}
			if (read < BATCH) {
				return;
			}
		}
	}

	/**
	 * The new automatic summary of a body whose stored summary was the old automatic one
	 * and differs from it; null to leave the row alone.
	 */
	static String again(String markdown, String stored) {
		if (markdown == null || stored == null || !stored.equals(MarkdownRenderer.legacySummary(markdown))) {
			return null;
		}
		String summary = MarkdownRenderer.summaryFromHtml(MarkdownRenderer.toSafeHtml(markdown));
		return summary.equals(stored) ? null : summary;
	}

}
