package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
import io.inkstone.articles.ImportedArticle;
import io.inkstone.articles.NewArticle;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.pages.StaticPages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports articles from JSON Lines (Inkstone's import format, documented in the README).
 * Memory stays flat: lines are streamed and stored in batches of {@value #BATCH}, each
 * batch in transactions sized to hold SQLite's one writer for about a quarter of a
 * second, so the running site's own writes get their turn. Every line is validated on its
 * own: a line that fails validation (malformed JSON, a field of the wrong type, invalid
 * UTF-8, a NUL character…) is reported by line number and skipped, and nothing of it is
 * stored — creators are created in the transaction that stores their first article. The
 * other lines of the batch are kept.
 */
@Service
public class ArticleImporter {

	private static final Logger log = LoggerFactory.getLogger(ArticleImporter.class);

	static final int BATCH = 500;

	/** How long one import transaction should hold SQLite's one writer. */
	static final long WRITER_TURN_NANOS = 250_000_000L;

	/** Lines per transaction, adapted to how long the last one took. */
	private volatile int chunkSize = 50;

	static final int MAX_TITLE = 300;

	static final int MAX_BODY = 200_000;

	/**
	 * Longer lines are rejected without being decoded (a body of {@value #MAX_BODY}
	 * characters fits easily).
	 */
	static final int MAX_LINE_BYTES = 8 << 20;

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final TransactionTemplate tx;

	private final Media media;

	private final Comments comments;

	private final StaticPages pages;

	private final JsonMapper json = JsonMapper.builder().build();

	ArticleImporter(Articles articles, Creators creators, Channels channels, TransactionTemplate tx, Media media,
			Comments comments, StaticPages pages) {
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
		this.tx = tx;
		this.media = media;
		this.comments = comments;
		this.pages = pages;
	}

	/**
	 * A validated line: the article and who and where it belongs to, resolved when the
	 * batch is stored. {@code rich} holds what an export from Inkstone carries besides
	 * (status, summary, cover, images, comments); such a line is stored on its own.
	 */
	private record Pending(long line, String handle, String displayName, String channel, String channelName,
			String importKey, String title, String body, String tags, boolean original, Aigc aigc, String source,
			long publishedAt, Rich rich) {

		NewArticle article(long creatorId, long channelId) {
			return new NewArticle(importKey, creatorId, channelId, title, body, tags, original, aigc, source,
					publishedAt);
		}

	}

	/**
	 * The optional fields of a line beyond the basic article (what Inkstone's own export
	 * writes).
	 */
	private record Rich(boolean published, Long publishAt, long modifiedAt, String summary, String cover,
			List<Image> images, List<LineComment> comments) {

	}

	/**
	 * An image of the line: its address in the body or cover, and its file relative to
	 * the JSON Lines file.
	 */
	record Image(String url, String file, String alt) {

	}

	/**
	 * A comment of the line; {@code replyTo} is the {@code id} of the comment it answers.
	 */
	record LineComment(String id, String replyTo, String author, String body, long createdAt) {

	}

	/** A static page line ({@code "type": "page"}). */
	private record PendingPage(long line, String importKey, String path, String title, String body, long createdAt) {

	}

	public ImportReport importLines(InputStream in, PrintStream progress) throws IOException {
		return importLines(in, progress, null);
	}

	/**
	 * Imports the lines; the {@code file} of an image is looked up under {@code baseDir}
	 * (the directory of the JSON Lines file), and without one the image keeps its
	 * address.
	 */
	public ImportReport importLines(InputStream in, PrintStream progress, Path baseDir) throws IOException {
		this.baseDir.set(baseDir);
		this.uploaded.set(new HashMap<>());
		try {
			return importLinesNow(in, progress);
		}
		finally {
			this.baseDir.remove();
			this.uploaded.remove();
		}
	}

	private final ThreadLocal<Path> baseDir = new ThreadLocal<>();

	/**
	 * Image address → new address, per run: an image several lines use is stored once.
	 */
	private final ThreadLocal<Map<String, String>> uploaded = new ThreadLocal<>();

	private ImportReport importLinesNow(InputStream in, PrintStream progress) throws IOException {
		channels.ensureDefaults();
		ImportReport report = new ImportReport();
		List<Pending> batch = new ArrayList<>(BATCH);
		Set<String> keysInBatch = new LinkedHashSet<>();
		long started = System.nanoTime();
		long lastProgress = started;
		Lines lines = new Lines(in);
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		while (lines.next()) {
			long lineNo = lines.number();
			try {
				String line = lines.decode(utf8);
				if (lineNo == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1); // a byte-order mark some editors write
				}
				if (line.isBlank()) {
					continue;
				}
				Object parsed = parse(lineNo, line);
				if (parsed instanceof PendingPage page) {
					storePage(page, report);
					continue;
				}
				Pending pending = (Pending) parsed;
				if (!keysInBatch.add(pending.importKey())) {
					report.duplicates(1);
					continue;
				}
				batch.add(pending);
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
		store(batch, report);
		if (progress != null) {
			progress.printf("\rimport: %,d lines read in %.1f s%n", lines.number(),
					(System.nanoTime() - started) / 1e9);
		}
		return report;
	}

	/**
	 * Stores the batch in one transaction, creating its creators there. Should the
	 * database refuse the batch, its lines are stored one by one so that only the refused
	 * line is lost (and reported).
	 */
	private void store(List<Pending> batch, ImportReport report) {
		if (batch.isEmpty()) {
			return;
		}
		// channels first, on their own: they are few, shared, cached by the channels
		// module, and only valid lines
		// bring one; a rolled-back batch must not leave a cached channel that is not in
		// the database
		Map<String, Long> channelIds = new HashMap<>();
		batch.forEach(p -> channelIds.computeIfAbsent(p.channel(), s -> channelId(s, p.channelName())));
		List<Pending> rich = batch.stream().filter(p -> p.rich() != null).toList();
		batch.removeIf(p -> p.rich() != null);
		for (Pending p : rich) {
			storeRich(p, channelIds.get(p.channel()), report);
		}
		if (batch.isEmpty()) {
			return;
		}
		int from = 0;
		try {
			// in chunks that each hold SQLite's one writer for about WRITER_TURN: readers
			// and writers of the running site get their turn between them
			while (from < batch.size()) {
				List<Pending> chunk = batch.subList(from, Math.min(batch.size(), from + chunkSize));
				long start = System.nanoTime();
				int stored = tx.execute(status -> storeNow(chunk, channelIds));
				report.imported(stored);
				report.duplicates(chunk.size() - stored);
				from += chunk.size();
				chunkSize = nextChunkSize(chunkSize, System.nanoTime() - start);
			}
		}
		catch (DataAccessException ex) {
			List<Pending> rest = batch.subList(from, batch.size());
			log.warn("The database refused an import batch ({}); storing its {} lines one by one", rootMessage(ex),
					rest.size());
			for (Pending pending : rest) {
				try {
					int stored = tx.execute(status -> storeNow(List.of(pending), channelIds));
					report.imported(stored);
					report.duplicates(1 - stored);
				}
				catch (DataAccessException one) {
					report.reject(pending.line(), "the database refused the line: " + abbreviate(rootMessage(one)));
				}
			}
		}
		finally {
			batch.clear();
		}
	}

	/** Marks a channel named by a name no channel has yet (see {@link ChannelSlugs}). */
	private static final String BY_NAME = "\u0000";

	private long channelId(String channel, String channelName) {
		if (channel.startsWith(BY_NAME)) {
			String name = channel.substring(BY_NAME.length());
			return ChannelSlugs.ensureByName(channels, name)
				.orElseThrow(() -> new IllegalStateException("no slug for channel " + name))
				.id();
		}
		return channelName == null ? channels.ensure(channel).id()
				: channels.findBySlugOrName(channel).orElseGet(() -> channels.ensureNamed(channel, channelName)).id();
	}

	/**
	 * The next chunk's size, so that one transaction holds the writer for about
	 * {@link #WRITER_TURN_NANOS}: halved after a long one, grown after a short one,
	 * between 10 and {@link #BATCH} lines. On an idle machine chunks reach the batch
	 * size; on a loaded one they shrink, and a signed-in reader's comment waits at most
	 * about a turn instead of past the busy timeout.
	 */
	static int nextChunkSize(int size, long tookNanos) {
		int next;
		if (tookNanos > WRITER_TURN_NANOS) {
			next = size / 2;
		}
		else if (tookNanos < WRITER_TURN_NANOS / 2) {
			next = size * 2;
		}
		else {
			next = size;
		}
		return Math.max(10, Math.min(BATCH, next));
	}

	/**
	 * Creators are created here, in the transaction that stores their articles: a refused
	 * batch leaves none.
	 */
	private int storeNow(List<Pending> batch, Map<String, Long> channelIds) {
		Map<String, Long> creatorIds = new HashMap<>();
		List<NewArticle> resolved = new ArrayList<>(batch.size());
		for (Pending p : batch) {
			long creatorId = creatorIds.computeIfAbsent(p.handle(), h -> creators.ensure(h, p.displayName()).id());
			resolved.add(p.article(creatorId, channelIds.get(p.channel())));
		}
		return articles.importBatch(resolved).size();
	}

	/**
	 * A line with what an Inkstone export carries: stored alone, in one transaction with
	 * its creator, images and comments. A known import key stores nothing (and uploads
	 * nothing).
	 */
	private void storeRich(Pending p, long channelId, ImportReport report) {
		if (articles.idOfImport(p.importKey()).isPresent()) {
			report.duplicates(1);
			return;
		}
		Rich rich = p.rich();
		try {
			tx.executeWithoutResult(status -> {
				long creatorId = creators.ensure(p.handle(), p.displayName()).id();
				String body = p.body();
				String cover = rich.cover();
				for (Image image : rich.images()) {
					String url = upload(creatorId, image, p.line(), report);
					if (url != null) {
						body = replaceImage(body, image.url(), url);
						cover = cover == null ? null : replaceImage(cover, image.url(), url);
					}
				}
				ImportedArticle article = new ImportedArticle(p.importKey(), creatorId, channelId, p.title(), body,
						rich.summary(), cover, p.tags(), rich.published(), rich.publishAt(), p.publishedAt(),
						Math.max(p.publishedAt(), rich.modifiedAt()), p.original(), p.aigc(), p.source());
				Optional<Long> stored = articles.importArticle(article);
				if (stored.isEmpty()) {
					report.duplicates(1);
					return;
				}
				report.imported(1);
				Map<String, Long> commentIds = new HashMap<>();
				for (LineComment c : rich.comments()) {
					Long parent = c.replyTo() == null ? null : commentIds.get(c.replyTo());
					long id = comments.importComment(stored.get(), parent, c.author(), c.body(), c.createdAt());
					if (c.id() != null && parent == null) {
						commentIds.put(c.id(), id);
					}
					else if (c.id() != null) {
						commentIds.put(c.id(), parent); // a reply to a reply joins the
														// thread of its root
					}
				}
			});
		}
		catch (RuntimeException ex) {
			log.debug("Import line {} failed", p.line(), ex);
			report.reject(p.line(), "the line could not be stored: " + abbreviate(rootMessage(ex)));
		}
	}

	/**
	 * The new address of the image, or null when its file is missing (the body keeps the
	 * old address).
	 */
	private String upload(long creatorId, Image image, long line, ImportReport report) {
		Map<String, String> known = uploaded.get();
		String done = known.get(image.url());
		if (done != null) {
			return done;
		}
		Path base = baseDir.get();
		if (base == null || image.file() == null) {
			report
				.skip("line " + line + ": image " + abbreviate(image.url()) + " has no file here, its address is kept");
			return null;
		}
		Path file = base.resolve(image.file()).normalize();
		if (!file.startsWith(base.normalize()) || !Files.isRegularFile(file)) {
			report
				.skip("line " + line + ": image file " + abbreviate(image.file()) + " not found, its address is kept");
			return null;
		}
		try {
			String alt = image.alt() == null || image.alt().isBlank() ? file.getFileName().toString() : image.alt();
			alt = alt.length() > Media.MAX_ALT ? alt.substring(0, Media.MAX_ALT) : alt;
			MediaItem item = media.upload(creatorId, Files.readAllBytes(file), alt);
			known.put(image.url(), item.url());
			report.count("images → media library");
			return item.url();
		}
		catch (IOException | RuntimeException ex) {
			report.skip("line " + line + ": image file " + abbreviate(image.file()) + ": "
					+ abbreviate(String.valueOf(ex.getMessage())));
			return null;
		}
	}

	private static final Pattern MEDIA_URL = Pattern
		.compile("(?:https?://[^/\\s\"'()<>]+)?/media/([0-9a-f]{64})/(?:full|[0-9]{2,4})\\.(?:jpg|png|gif|webp)");

	/**
	 * Every address of the image replaced by the new one: for an Inkstone image
	 * ({@code /media/<sha>/…}) each of its renditions, relative or absolute; for any
	 * other address that address.
	 */
	static String replaceImage(String text, String oldUrl, String newUrl) {
		Matcher m = MEDIA_URL.matcher(oldUrl);
		if (!m.matches()) {
			return text.replace(oldUrl, newUrl);
		}
		String sha = m.group(1);
		Matcher in = MEDIA_URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (in.find()) {
			in.appendReplacement(out, Matcher.quoteReplacement(in.group(1).equals(sha) ? newUrl : in.group()));
		}
		in.appendTail(out);
		return out.toString();
	}

	private void storePage(PendingPage page, ImportReport report) {
		try {
			Optional<String> stored = tx.execute(status -> pages.importPage(page.importKey(), page.path(), page.title(),
					page.body(), page.createdAt()));
			if (stored.isPresent()) {
				report.imported(1);
				report.count("pages → static pages");
			}
			else {
				report.duplicates(1);
			}
		}
		catch (RuntimeException ex) {
			report.reject(page.line(), "the page could not be stored: " + abbreviate(rootMessage(ex)));
		}
	}

	private Object parse(long lineNo, String line) {
		try {
			return parseLine(lineNo, line);
		}
		catch (InvalidLine ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// whatever else a hostile line trips on costs that line only
			throw new InvalidLine("invalid line: " + abbreviate(String.valueOf(ex.getMessage())));
		}
	}

	private Object parseLine(long lineNo, String line) {
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
		String type = optional(node, "type");
		if ("page".equals(type)) {
			return parsePage(lineNo, node);
		}
		if (type != null && !"article".equals(type)) {
			throw new InvalidLine("type must be article or page");
		}
		String creator = required(node, "creator");
		String creatorName = optional(node, "creator_name");
		String channelRef = required(node, "channel").strip();
		String title = required(node, "title").strip();
		String body = required(node, "body_markdown");
		String publishedText = required(node, "published_at");
		String displayName = creatorName != null ? creatorName : creator.strip();
		String handle = toHandle(creator);
		if (!Creators.isValidHandle(handle)) {
			throw new InvalidLine("invalid creator handle: " + abbreviate(handle));
		}
		String channel = channels.findBySlugOrName(channelRef).map(Channel::slug).orElse(channelRef);
		if (!Channels.isValidSlug(channel)) {
			if (ChannelSlugs.of(channelRef) == null) {
				throw new InvalidLine("invalid channel slug and no channel of that name: " + abbreviate(channelRef));
			}
			// a new channel named as readers will see it (天文 → tianwen), created when the
			// line is stored
			channel = BY_NAME + channelRef;
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
			throw new InvalidLine(
					"published_at is not an ISO-8601 date-time with offset: " + abbreviate(publishedText));
		}
		Aigc aigc = Aigc.parse(optional(node, "aigc"))
			.orElseThrow(() -> new InvalidLine("aigc must be none, assisted or generated"));
		JsonNode originalNode = node.path("original");
		if (originalNode.isContainer()) {
			throw new InvalidLine("original must be true or false");
		}
		boolean original = originalNode.asBoolean(false);
		String source = optional(node, "source");
		String tags = tags(node.get("tags"));
		String id = optional(node, "id");
		if (id != null && id.length() > 180) {
			throw new InvalidLine("id longer than 180 characters");
		}
		String importKey = id != null ? "id:" + id : "sha:" + sha256(handle + '\n' + title + '\n' + body);
		String channelName = optional(node, "channel_name");
		if (channelName != null && channelName.length() > 100) {
			throw new InvalidLine("channel_name longer than 100 characters");
		}
		return new Pending(lineNo, handle, displayName, channel, channelName, importKey, title, body, tags, original,
				aigc, source == null ? null : abbreviate(source), publishedAt, rich(node, publishedAt));
	}

	/**
	 * The fields an Inkstone export adds, or null when the line has none of them (the
	 * fast batch path).
	 */
	private Rich rich(JsonNode node, long publishedAt) {
		String status = optional(node, "status");
		String summary = optional(node, "summary");
		String cover = optional(node, "cover");
		String modified = optional(node, "modified_at");
		JsonNode images = node.get("images");
		JsonNode commentNodes = node.get("comments");
		if (status == null && summary == null && cover == null && modified == null && images == null
				&& commentNodes == null) {
			return null;
		}
		boolean published;
		Long publishAt = null;
		switch (status == null ? "published" : status) {
			case "published" -> published = true;
			case "draft" -> published = false;
			case "scheduled" -> {
				published = false;
				publishAt = date(required(node, "publish_at"), "publish_at");
			}
			default -> throw new InvalidLine("status must be published, draft or scheduled");
		}
		long modifiedAt = modified == null ? publishedAt : date(modified, "modified_at");
		if (summary != null && summary.length() > 1000) {
			throw new InvalidLine("summary longer than 1000 characters");
		}
		if (cover != null && cover.length() > 500) {
			throw new InvalidLine("cover longer than 500 characters");
		}
		List<Image> imageList = new ArrayList<>();
		for (JsonNode image : array(images, "images")) {
			if (!image.isObject()) {
				throw new InvalidLine("images must be objects with url, file and alt");
			}
			imageList.add(new Image(required(image, "url"), optional(image, "file"), optional(image, "alt")));
		}
		List<LineComment> commentList = new ArrayList<>();
		for (JsonNode c : array(commentNodes, "comments")) {
			if (!c.isObject()) {
				throw new InvalidLine("comments must be objects with author, body and created_at");
			}
			commentList.add(new LineComment(optional(c, "id"), optional(c, "reply_to"), optional(c, "author"),
					required(c, "body"), date(required(c, "created_at"), "created_at")));
		}
		return new Rich(published, publishAt, modifiedAt, summary, cover, imageList, commentList);
	}

	private PendingPage parsePage(long lineNo, JsonNode node) {
		String path = StaticPages.normalizePath(required(node, "path"));
		if (!StaticPages.isValidPath(path)) {
			throw new InvalidLine("invalid page path: " + abbreviate(path));
		}
		String title = required(node, "title").strip();
		if (title.length() > StaticPages.MAX_TITLE) {
			throw new InvalidLine("title must be 1–" + StaticPages.MAX_TITLE + " characters");
		}
		String body = required(node, "body_markdown");
		if (body.length() > StaticPages.MAX_BODY) {
			throw new InvalidLine("body_markdown must be 1–" + StaticPages.MAX_BODY + " characters");
		}
		String id = optional(node, "id");
		String key = id != null ? "id:" + id : "path:" + path;
		return new PendingPage(lineNo, key, path, title, body, date(required(node, "published_at"), "published_at"));
	}

	private static Iterable<JsonNode> array(JsonNode node, String field) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidLine(field + " must be an array");
		}
		return node;
	}

	private static long date(String text, String field) {
		try {
			return OffsetDateTime.parse(text).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidLine(field + " is not an ISO-8601 date-time with offset: " + abbreviate(text));
		}
	}

	/**
	 * Handles keep CJK letters (classical authors are known by name) but lose punctuation
	 * and symbols: "两汉：刘彻" becomes "两汉-刘彻". The display name keeps the original text.
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
		if (value != null && !value.isNull() && !value.isString()) {
			throw new InvalidLine(field + " must be a string, not " + kind(value));
		}
		if (value == null || value.isNull() || value.stringValue().isBlank()) {
			throw new InvalidLine("missing or empty field: " + field);
		}
		return noNul(field, value.stringValue());
	}

	/**
	 * The JSON type of a value that is not a string, as a reader of the rejection reasons
	 * says it.
	 */
	private static String kind(JsonNode value) {
		return value.isArray() ? "an array" : value.isObject() ? "an object" : value.isNumber() ? "a number"
				: value.isBoolean() ? "true/false" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static String optional(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new InvalidLine(field + " must be a string");
		}
		String text = noNul(field, value.asString());
		return text.isBlank() ? null : text.strip();
	}

	/**
	 * NUL is no text: PostgreSQL refuses it in a text column, and it hides the rest of a
	 * title from readers. A lone surrogate (a JSON escape like \\ud800 without its pair)
	 * is no character either: stored, it became "?".
	 */
	private static String noNul(String field, String value) {
		if (value.indexOf('\0') >= 0) {
			throw new InvalidLine(field + " contains a NUL character (U+0000)");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidLine(
						field + " contains an unpaired surrogate escape (\\u" + Integer.toHexString(c) + ")");
			}
		}
		return value;
	}

	private static String tags(JsonNode node) {
		if (node == null || node.isNull()) {
			return "";
		}
		List<String> tags = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode tag : node) {
				if (!tag.isString() && !tag.isNumber()) {
					throw new InvalidLine("tags must be an array of strings or a comma-separated string");
				}
				tags.add(noNul("tags", tag.asString()));
			}
		}
		else if (node.isString()) {
			tags.addAll(List.of(noNul("tags", node.stringValue()).split(",")));
		}
		else {
			throw new InvalidLine("tags must be an array of strings or a comma-separated string");
		}
		String joined = String.join(",",
				tags.stream().map(t -> t.replace(",", " ").strip()).filter(t -> !t.isEmpty()).toList());
		return joined.length() > 500 ? joined.substring(0, 500) : joined;
	}

	private static String abbreviate(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "…" : value;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without decoding it,
	 * so that each line is decoded on its own: invalid UTF-8 costs its line, and is never
	 * silently turned into U+FFFD.
	 */
	static final class Lines {

		private final InputStream in;

		private final byte[] buffer = new byte[1 << 16];

		private int position;

		private int limit;

		private byte[] line = new byte[1 << 12];

		private int length;

		private boolean tooLong;

		private long number;

		Lines(InputStream in) {
			this.in = in;
		}

		/** Reads the next line; false at the end of the stream. */
		boolean next() throws IOException {
			length = 0;
			tooLong = false;
			boolean any = false;
			while (true) {
				if (position == limit) {
					limit = in.read(buffer);
					position = 0;
					if (limit <= 0) {
						limit = 0;
						if (any) {
							number++;
						}
						return any;
					}
				}
				any = true;
				int start = position;
				while (position < limit && buffer[position] != '\n') {
					position++;
				}
				append(start, position - start);
				if (position < limit) {
					position++; // the newline
					number++;
					return true;
				}
			}
		}

		private void append(int from, int count) {
			if (tooLong || count == 0) {
				return;
			}
			if ((long) length + count > MAX_LINE_BYTES) {
				tooLong = true;
				return;
			}
			if (length + count > line.length) {
				line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
			}
			System.arraycopy(buffer, from, line, length, count);
			length += count;
		}

		long number() {
			return number;
		}

		String decode(CharsetDecoder decoder) {
			if (tooLong) {
				throw new InvalidLine("line longer than " + (MAX_LINE_BYTES >> 20) + " MB");
			}
			int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
			try {
				return decoder.decode(ByteBuffer.wrap(line, 0, end)).toString();
			}
			catch (CharacterCodingException ex) {
				throw new InvalidLine("not valid UTF-8");
			}
		}

	}

	static final class InvalidLine extends RuntimeException {

		InvalidLine(String message) {
			super(message);
		}

	}

}
