package io.inkstone.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports articles from JSON Lines (Inkstone's import format, documented in the README). Memory stays
 * flat: lines are streamed and stored in batches of {@value #BATCH}, each batch in one transaction.
 * A line that fails validation is reported and skipped; nothing of it is stored.
 */
@Service
public class ArticleImporter {

	static final int BATCH = 500;

	static final int MAX_TITLE = 300;

	static final int MAX_BODY = 200_000;

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final JsonMapper json = JsonMapper.builder().build();

	ArticleImporter(Articles articles, Creators creators, Channels channels) {
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
	}

	private record Pending(long line, NewArticle article) {
	}

	public ImportReport importLines(InputStream in, PrintStream progress) throws IOException {
		channels.ensureDefaults();
		ImportReport report = new ImportReport();
		Map<String, Long> creatorIds = new HashMap<>();
		Map<String, Long> channelIds = new HashMap<>();
		List<Pending> batch = new ArrayList<>(BATCH);
		Set<String> keysInBatch = new LinkedHashSet<>();
		long started = System.nanoTime();
		long lastProgress = started;
		long lineNo = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				try {
					NewArticle article = parse(line, creatorIds, channelIds);
					if (!keysInBatch.add(article.importKey())) {
						report.duplicates(1);
						continue;
					}
					batch.add(new Pending(lineNo, article));
				}
				catch (InvalidLine ex) {
					report.reject(lineNo, ex.getMessage());
				}
				if (batch.size() == BATCH) {
					store(batch, report);
					keysInBatch.clear();
				}
				if (progress != null && System.nanoTime() - lastProgress > 1_000_000_000L) {
					lastProgress = System.nanoTime();
					double rate = lineNo / ((lastProgress - started) / 1e9);
					progress.printf("\rimport: %,d lines read, %,d imported, %,d duplicate, %,d rejected (%,.0f lines/s)",
							lineNo, report.imported(), report.duplicates(), report.rejected(), rate);
					progress.flush();
				}
			}
		}
		store(batch, report);
		if (progress != null) {
			progress.printf("\rimport: %,d lines read in %.1f s%n", lineNo, (System.nanoTime() - started) / 1e9);
		}
		return report;
	}

	private void store(List<Pending> batch, ImportReport report) {
		if (batch.isEmpty()) {
			return;
		}
		List<NewArticle> articlesOnly = batch.stream().map(Pending::article).toList();
		int stored = articles.importBatch(articlesOnly).size();
		report.imported(stored);
		report.duplicates(batch.size() - stored);
		batch.clear();
	}

	private NewArticle parse(String line, Map<String, Long> creatorIds, Map<String, Long> channelIds) {
		JsonNode node;
		try {
			node = json.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new InvalidLine("malformed JSON");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidLine("not a JSON object");
		}
		String creator = required(node, "creator");
		String creatorName = optional(node, "creator_name");
		String channel = required(node, "channel");
		String title = required(node, "title").strip();
		String body = required(node, "body_markdown");
		String publishedText = required(node, "published_at");
		String displayName = creatorName != null ? creatorName : creator.strip();
		creator = toHandle(creator);
		if (!Creators.isValidHandle(creator)) {
			throw new InvalidLine("invalid creator handle: " + abbreviate(creator));
		}
		if (!Channels.isValidSlug(channel)) {
			throw new InvalidLine("invalid channel slug: " + abbreviate(channel));
		}
		if (title.isEmpty() || title.codePointCount(0, title.length()) > MAX_TITLE) {
			throw new InvalidLine("title must be 1–" + MAX_TITLE + " characters");
		}
		if (body.isBlank() || body.length() > MAX_BODY) {
			throw new InvalidLine("body_markdown must be 1–" + MAX_BODY + " characters");
		}
		long publishedAt;
		try {
			publishedAt = OffsetDateTime.parse(publishedText).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidLine("published_at is not an ISO-8601 date-time with offset: " + abbreviate(publishedText));
		}
		Aigc aigc = Aigc.parse(optional(node, "aigc"))
			.orElseThrow(() -> new InvalidLine("aigc must be none, assisted or generated"));
		boolean original = node.path("original").asBoolean(false);
		String source = optional(node, "source");
		String tags = tags(node.get("tags"));
		String id = optional(node, "id");
		if (id != null && id.length() > 180) {
			throw new InvalidLine("id longer than 180 characters");
		}
		String importKey = id != null ? "id:" + id : "sha:" + sha256(creator + '\n' + title + '\n' + body);
		long creatorId = creatorIds.computeIfAbsent(creator, h -> creators.ensure(h, displayName).id());
		long channelId = channelIds.computeIfAbsent(channel, s -> channels.ensure(s).id());
		return new NewArticle(importKey, creatorId, channelId, title, body, tags, original, aigc,
				source == null ? null : abbreviate(source), publishedAt);
	}

	/**
	 * Handles keep CJK letters (classical authors are known by name) but lose punctuation and symbols:
	 * "两汉：刘彻" becomes "两汉-刘彻". The display name keeps the original text.
	 */
	static String toHandle(String creator) {
		String handle = creator.strip().replaceAll("[^\\p{L}\\p{N}_.·]+", "-").replaceAll("^[-.]+|[-.]+$", "");
		if (handle.isEmpty()) {
			handle = "anon-" + sha256(creator).substring(0, 8);
		}
		return handle.length() > 64 ? handle.substring(0, 64) : handle;
	}

	private static String required(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || !value.isString() || value.asString().isBlank()) {
			throw new InvalidLine("missing or empty field: " + field);
		}
		return value.asString();
	}

	private static String optional(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
	}

	private static String tags(JsonNode node) {
		if (node == null || node.isNull()) {
			return "";
		}
		List<String> tags = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(t -> tags.add(t.asString()));
		}
		else {
			tags.addAll(List.of(node.asString().split(",")));
		}
		String joined = String.join(",", tags.stream().map(t -> t.replace(",", " ").strip()).filter(t -> !t.isEmpty()).toList());
		return joined.length() > 500 ? joined.substring(0, 500) : joined;
	}

	private static String abbreviate(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "…" : value;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class InvalidLine extends RuntimeException {

		InvalidLine(String message) {
			super(message);
		}

	}

}
