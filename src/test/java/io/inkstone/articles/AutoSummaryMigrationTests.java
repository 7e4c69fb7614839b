package io.inkstone.articles;

import java.nio.file.Files;
import java.nio.file.Path;

import io.inkstone.shared.MarkdownRenderer;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that makes stored automatic summaries again from the rendered text: an
 * automatic one (exactly what the old rule gave) is replaced, one a creator typed is
 * kept.
 */
class AutoSummaryMigrationTests {

	private static final String BODY = "看[示例](https://example.org)。\n\n```\nint secret = 1;\n```\n\n- [x] 完成\n\n脚注[^1]。\n\n[^1]: 注";

	@Test
	void automaticSummariesAreMadeAgainAndTypedOnesKept() throws Exception {
		Path file = Files.createTempFile("inkstone-summaries", ".db");
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + file);
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/sqlite")
			.target("202612010040")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String legacy = MarkdownRenderer.legacySummary(BODY);
		assertThat(legacy).contains("(https://example.org)", "int secret");
		insert(jdbc, 1, legacy);
		insert(jdbc, 2, "作者自己写的摘要");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/sqlite")
			.load()
			.migrate();
		assertThat(summary(jdbc, 1)).isEqualTo("看示例。 完成 脚注。");
		assertThat(summary(jdbc, 2)).isEqualTo("作者自己写的摘要");
		Files.deleteIfExists(file);
	}

	private static void insert(JdbcClient jdbc, long id, String summary) {
		jdbc.sql("INSERT INTO articles (id, creator_id, channel_id, title, body_markdown, body_html, summary, status,"
				+ " published_at, updated_at, created_at, change_seq) VALUES (:id, 1, 1, 't', :md, '', :summary,"
				+ " 'published', 1, 1, 1, :id)")
			.param("id", id)
			.param("md", BODY)
			.param("summary", summary)
			.update();
	}

	private static String summary(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT summary FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

}
