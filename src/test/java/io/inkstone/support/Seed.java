package io.inkstone.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.importer.ImportReport;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data through the importer, the way a site's articles arrive: one call publishes an
 * article for a creator (created on first mention) in a channel, and answers its id.
 *
 * <pre>
 * long id = seed.publish(Seed.article("dup-a").creator("dup-a").channel("poetry-tang").title("辋川闲居").body(poem));
 * </pre>
 */
public final class Seed {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ArticleImporter importer;

	private final JdbcClient jdbc;

	public Seed(ArticleImporter importer, JdbcClient jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	/** An article to import under this key (its import key is {@code id:<key>}). */
	public static ArticleLine article(String key) {
		return new ArticleLine(key);
	}

	/** Imports the articles in one run; every one of them must be taken. */
	public ImportReport publishAll(ArticleLine... lines) {
		ImportReport report = importAll(lines);
		assertThat(report.imported()).as("imported").isEqualTo(lines.length);
		return report;
	}

	/** Imports the articles in one run and answers the report, whatever it says. */
	public ImportReport importAll(ArticleLine... lines) {
		StringBuilder jsonLines = new StringBuilder();
		for (ArticleLine line : lines) {
			jsonLines.append(line.json()).append('\n');
		}
		try {
			return importer.importLines(new ByteArrayInputStream(jsonLines.toString().getBytes(StandardCharsets.UTF_8)),
					null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Publishes one article and answers its id. */
	public long publish(ArticleLine line) {
		publishAll(line);
		return idOf(line.key());
	}

	/** The id of the article imported under this key. */
	public long idOf(String key) {
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", "id:" + key)
			.query(Long.class)
			.single();
	}

	/** One line of the importer's JSON Lines format, built field by field. */
	public static final class ArticleLine {

		private final String key;

		private final Map<String, Object> fields = new LinkedHashMap<>();

		ArticleLine(String key) {
			this.key = key;
			this.fields.put("id", key);
			this.fields.put("creator", key);
			this.fields.put("channel", "ci");
			this.fields.put("title", key);
			this.fields.put("body_markdown", key);
			this.fields.put("published_at", "2024-01-01T08:00:00+08:00");
		}

		public String key() {
			return key;
		}

		/** The creator's handle (the account is created on first mention). */
		public ArticleLine creator(String handle) {
			return with("creator", handle);
		}

		public ArticleLine creatorName(String name) {
			return with("creator_name", name);
		}

		public ArticleLine channel(String slug) {
			return with("channel", slug);
		}

		public ArticleLine title(String title) {
			return with("title", title);
		}

		public ArticleLine body(String markdown) {
			return with("body_markdown", markdown);
		}

		/** An ISO-8601 instant or offset date-time, as the importer reads it. */
		public ArticleLine publishedAt(String at) {
			return with("published_at", at);
		}

		public ArticleLine publishedAt(Instant at) {
			return with("published_at", at.toString());
		}

		public ArticleLine tags(String... tags) {
			fields.put("tags", List.of(tags));
			return this;
		}

		/** The cover image's address. */
		public ArticleLine cover(String url) {
			return with("cover", url);
		}

		/** {@code draft}, {@code published}, … as the importer reads it. */
		public ArticleLine status(String status) {
			return with("status", status);
		}

		private ArticleLine with(String field, String value) {
			fields.put(field, value);
			return this;
		}

		public String json() {
			return JSON.writeValueAsString(fields);
		}

	}

}
