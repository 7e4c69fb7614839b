package io.inkstone.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.PreDestroy;

import io.inkstone.articles.Articles;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.media.SharedFiles;
import io.inkstone.shared.Ids;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.shared.PublicUrl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.inkstone.shared.TooManyRequestsException;
import java.sql.Types;

/**
 * A creator's own export (the data-portability right: PIPL Art. 45, GDPR Art. 20), built
 * in the background one at a time: a zip with every article as Markdown with YAML front
 * matter ({@code markdown/}), the same articles as Inkstone JSON Lines with their
 * comments ({@code articles.jsonl}, which the import reads back), their images
 * ({@code media/}), and the profile with the follower count ({@code profile.json}).
 * Comments carry the name shown on the page, never an e-mail or an address. The zip is
 * kept in the data directory ({@code exports/}), or in cluster mode in the object store
 * ({@code exports/<id>.zip} in the media bucket, so any node serves it), for
 * {@link #KEEP}; only its creator may download it. Expired zips are deleted every hour on
 * every node (each node holds the zips it built), with the leftovers of a build a restart
 * interrupted.
 */
@Service
@Profile("!import")
public class CreatorExports {

	private static final Logger log = LoggerFactory.getLogger(CreatorExports.class);

	static final Duration KEEP = Duration.ofDays(7);

	/** Exports a creator may start in 24 hours (each is a zip on disk for a week). */
	static final int PER_DAY = 3;

	/**
	 * A running build that has not moved for this long was interrupted (a restart): it
	 * shows as failed.
	 */
	static final Duration STALE = Duration.ofMinutes(10);

	/**
	 * What a build leaves in the exports directory: the zip, its part, its work folder.
	 */
	private static final Pattern LEFTOVER = Pattern.compile("([0-9]+)(\\.zip|\\.zip\\.part|\\.work)");

	private static final Pattern MEDIA_URL = Pattern
		.compile("(?:https?://[^/\\s\"'()<>]+)?/media/([0-9a-f]{64})/(?:full|[0-9]{2,4})\\.(jpg|png|gif|webp)");

	/** One export as the studio shows it. */
	public record Export(long id, long creatorId, String state, long done, long total, long bytes, String message,
			long createdAt, long updatedAt, Long expiresAt) {

		public boolean finished() {
			return !"queued".equals(state) && !"running".equals(state);
		}

		public boolean downloadable() {
			return "done".equals(state);
		}

		public int percent() {
			if ("done".equals(state)) {
				return 100;
			}
			return total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
		}

	}

	private final SiteExporter exporter;

	private final Creators creators;

	private final Articles articles;

	private final JdbcClient jdbc;

	private final PublicUrl publicUrl;

	private final Path dir;

	private final Clock clock;

	/** The object store every node reaches, in cluster mode; empty on a single node. */
	private final Optional<SharedFiles> shared;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "creator-export");
		thread.setDaemon(true);
		return thread;
	});

	CreatorExports(SiteExporter exporter, Creators creators, Articles articles, JdbcClient jdbc, PublicUrl publicUrl,
			InkstoneProperties properties, Optional<Clock> clock, Optional<SharedFiles> shared) {
		this.exporter = exporter;
		this.creators = creators;
		this.articles = articles;
		this.jdbc = jdbc;
		this.publicUrl = publicUrl;
		this.dir = properties.dataDir().resolve("exports");
		this.clock = clock.orElse(Clock.systemUTC());
		this.shared = shared;
	}

	/** Starts an export of the creator's work, or returns the one already being built. */
	public Export start(long creatorId) {
		Optional<Export> building = recent(creatorId).stream().filter(e -> !e.finished()).findFirst();
		if (building.isPresent()) {
			return building.get();
		}
		long now = clock.millis();
		List<Long> today = jdbc
			.sql("SELECT created_at FROM creator_exports WHERE creator_id = :creator AND created_at > :since"
					+ " AND state <> 'failed' ORDER BY created_at")
			.param("creator", creatorId)
			.param("since", now - Duration.ofDays(1).toMillis())
			.query(Long.class)
			.list();
		if (today.size() >= PER_DAY) {
			throw new TooManyRequestsException(
					Math.max(1, (today.get(0) + Duration.ofDays(1).toMillis() - now) / 1000));
		}
		purgeExpired();
		long id = Ids.next();
		jdbc.sql("INSERT INTO creator_exports (id, creator_id, state, done, total, bytes, created_at, updated_at)"
				+ " VALUES (:id, :creator, 'queued', 0, :total, 0, :now, :now)")
			.param("id", id)
			.param("creator", creatorId)
			.param("total", articles.ofCreator(creatorId).size())
			.param("now", now)
			.update();
		worker.execute(() -> build(id, creatorId));
		return find(id, creatorId).orElseThrow();
	}

	/** The creator's exports, newest first (the last five). */
	public List<Export> recent(long creatorId) {
		return jdbc
			.sql("SELECT id, creator_id, state, done, total, bytes, message, created_at, updated_at, expires_at"
					+ " FROM creator_exports WHERE creator_id = :creator ORDER BY created_at DESC, id DESC LIMIT 5")
			.param("creator", creatorId)
			.query(Export.class)
			.list()
			.stream()
			.map(this::current)
			.toList();
	}

	/**
	 * The export if it is this creator's; empty for anyone else's, exactly like a missing
	 * one.
	 */
	public Optional<Export> find(long id, long creatorId) {
		return jdbc
			.sql("SELECT id, creator_id, state, done, total, bytes, message, created_at, updated_at, expires_at"
					+ " FROM creator_exports WHERE id = :id AND creator_id = :creator")
			.param("id", id)
			.param("creator", creatorId)
			.query(Export.class)
			.optional()
			.map(this::current);
	}

	/**
	 * The zip to send, if the export is done and not expired: from the local exports
	 * directory, or in cluster mode from the object store (whichever node built it).
	 */
	public Optional<Resource> file(Export export) {
		if (!export.downloadable()) {
			return Optional.empty();
		}
		Path zip = zip(export.id());
		if (Files.isRegularFile(zip)) {
			return Optional.of(new FileSystemResource(zip));
		}
		// re-readable and opened only when the response is written, so byte ranges (a
		// resumed download) are served from the bucket as from a file
		return shared.flatMap(store -> store.resource(sharedName(export.id())));
	}

	/** The export's key in the object store (cluster mode). */
	static String sharedName(long id) {
		return "exports/" + id + ".zip";
	}

	/**
	 * What the state is now: a done export past its time is expired, a build that stopped
	 * moving failed.
	 */
	private Export current(Export e) {
		long now = clock.millis();
		if ("done".equals(e.state()) && e.expiresAt() != null && e.expiresAt() <= now) {
			return new Export(e.id(), e.creatorId(), "expired", e.done(), e.total(), e.bytes(), e.message(),
					e.createdAt(), e.updatedAt(), e.expiresAt());
		}
		if (!e.finished() && e.updatedAt() < now - STALE.toMillis()) {
			return new Export(e.id(), e.creatorId(), "failed", e.done(), e.total(), e.bytes(), "interrupted",
					e.createdAt(), e.updatedAt(), e.expiresAt());
		}
		return e;
	}

	/**
	 * Hourly on every node, without a cluster lock: each node deletes the expired zips
	 * and interrupted builds in its own data directory, so no zip outlives its week on a
	 * node that no creator downloads from. In cluster mode the node that marks an export
	 * expired deletes its object too (a delete is idempotent, so two nodes racing is
	 * harmless).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void cleanUp() {
		purgeExpired();
		deleteLeftovers();
	}

	/**
	 * Files in the exports directory that no running or downloadable export owns: zips of
	 * expired, failed or deleted exports, and the work directories and partial zips of
	 * builds that a restart interrupted.
	 */
	private void deleteLeftovers() {
		if (!Files.isDirectory(dir)) {
			return;
		}
		List<Path> entries;
		try (Stream<Path> list = Files.list(dir)) {
			entries = list.toList();
		}
		catch (IOException ex) {
			log.warn("Could not list {}", dir, ex);
			return;
		}
		for (Path entry : entries) {
			Matcher name = LEFTOVER.matcher(entry.getFileName().toString());
			if (!name.matches()) {
				continue;
			}
			String state = jdbc.sql("SELECT state, updated_at FROM creator_exports WHERE id = :id")
				.param("id", Long.parseLong(name.group(1)))
				.query((rs, row) -> current(new Export(0, 0, rs.getString(1), 0, 0, 0, null, 0, rs.getLong(2), null))
					.state())
				.optional()
				.orElse("gone");
			// a zip is moved into place just before its row says done, so a running
			// export keeps it too
			boolean building = "queued".equals(state) || "running".equals(state);
			boolean keep = building || (name.group(2).equals(".zip") && "done".equals(state));
			if (!keep) {
				deleteTree(entry);
			}
		}
	}

	private void purgeExpired() {
		List<Long> expired = jdbc.sql("SELECT id FROM creator_exports WHERE state = 'done' AND expires_at <= :now")
			.param("now", clock.millis())
			.query(Long.class)
			.list();
		for (long id : expired) {
			try {
				Files.deleteIfExists(zip(id));
				if (shared.isPresent()) {
					shared.get().delete(sharedName(id));
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not delete the expired export {}", id, ex);
				continue;
			}
			jdbc.sql("UPDATE creator_exports SET state = 'expired', updated_at = :now WHERE id = :id")
				.param("id", id)
				.param("now", clock.millis())
				.update();
		}
	}

	Path zip(long id) {
		return dir.resolve(id + ".zip");
	}

	private void update(long id, String state, long done, long bytes, String message, Long expiresAt) {
		jdbc.sql("UPDATE creator_exports SET state = :state, done = :done, bytes = :bytes, message = :message,"
				+ " updated_at = :now, expires_at = :expires WHERE id = :id")
			.param("id", id)
			.param("state", state)
			.param("done", done)
			.param("bytes", bytes)
			.param("message", message)
			.param("now", clock.millis())
			.param("expires", expiresAt, Types.BIGINT)
			.update();
	}

	private void build(long id, long creatorId) {
		Path work = dir.resolve(id + ".work");
		try {
			update(id, "running", 0, 0, null, null);
			Creator creator = creators.get(creatorId);
			Files.createDirectories(work);
			SiteExporter.Summary summary = exporter.exportJsonl(work, creatorId, null,
					done -> update(id, "running", done, 0, null, null));
			writeProfile(work, creator, summary);
			writeMarkdown(work);
			Files.writeString(work.resolve("README.txt"), readme(creator), StandardCharsets.UTF_8);
			Path part = dir.resolve(id + ".zip.part");
			try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
				List<Path> files;
				try (Stream<Path> walk = Files.walk(work)) {
					files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
				}
				for (Path file : files) {
					zip.putNextEntry(new ZipEntry(work.relativize(file).toString().replace('\\', '/')));
					Files.copy(file, zip);
					zip.closeEntry();
				}
			}
			Files.move(part, zip(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			long bytes = Files.size(zip(id));
			if (shared.isPresent()) {
				// cluster mode: any node serves the download, so the zip goes to the
				// object store (streamed from the file) and leaves this node's disk
				shared.get().put(sharedName(id), zip(id), "application/zip");
				Files.delete(zip(id));
			}
			update(id, "done", summary.articles(), bytes, null, clock.millis() + KEEP.toMillis());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The export {} of creator {} failed", id, creatorId, ex);
			update(id, "failed", 0, 0, abbreviate(String.valueOf(ex.getMessage())), null);
		}
		finally {
			deleteTree(work);
		}
	}

	private void writeProfile(Path work, Creator creator, SiteExporter.Summary summary) throws IOException {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("handle", creator.handle());
		profile.put("display_name", creator.displayName());
		profile.put("tagline", creator.tagline());
		profile.put("avatar", creator.avatarUrl() == null ? null : absolute(creator.avatarUrl()));
		profile.put("account_type", creator.accountType());
		profile.put("verified", creator.verified());
		profile.put("page", publicUrl.absolute("/creators/" + creator.handle()));
		profile.put("followers", creators.followerCount(creator.id()));
		profile.put("articles", summary.articles());
		profile.put("comments_on_articles", summary.comments());
		profile.put("images", summary.images());
		profile.put("exported_at", SiteExporter.iso(clock.millis()));
		Files.writeString(work.resolve("profile.json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(profile), StandardCharsets.UTF_8);
	}

	/**
	 * Each article of the JSON Lines as {@code markdown/<date>-<id>.md}: YAML front
	 * matter, then the Markdown.
	 */
	private void writeMarkdown(Path work) throws IOException {
		Path markdown = Files.createDirectories(work.resolve("markdown"));
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		Yaml yaml = new Yaml(options);
		try (Stream<String> lines = Files.lines(work.resolve(SiteExporter.JSONL), StandardCharsets.UTF_8)) {
			for (String line : (Iterable<String>) lines::iterator) {
				JsonNode a = json.readTree(line);
				String id = a.path("id").asString().replace("inkstone:", "");
				Map<String, Object> front = new LinkedHashMap<>();
				front.put("title", a.path("title").asString());
				front.put("id", id);
				front.put("url", publicUrl.absolute("/articles/" + id));
				front.put("status", a.path("status").asString());
				front.put("published_at", a.path("published_at").asString());
				if (a.hasNonNull("publish_at")) {
					front.put("publish_at", a.path("publish_at").asString());
				}
				front.put("modified_at", a.path("modified_at").asString());
				front.put("channel", a.path("channel_name").asString(a.path("channel").asString()));
				List<String> tags = new ArrayList<>();
				a.path("tags").forEach(t -> tags.add(t.asString()));
				front.put("tags", tags);
				front.put("summary", a.path("summary").asString(""));
				if (a.hasNonNull("cover")) {
					front.put("cover", local(a.path("cover").asString(), work));
				}
				front.put("original", a.path("original").asBoolean(false));
				front.put("aigc", a.path("aigc").asString("none"));
				if (a.hasNonNull("source")) {
					front.put("source", a.path("source").asString());
				}
				front.put("comments", a.path("comments").size());
				String date = a.path("published_at").asString().length() >= 10
						? a.path("published_at").asString().substring(0, 10) : "undated";
				String text = "---\n" + yaml.dump(front) + "---\n\n" + local(a.path("body_markdown").asString(), work)
						+ "\n";
				Files.writeString(markdown.resolve(date + "-" + id + ".md"), text, StandardCharsets.UTF_8);
			}
		}
	}

	/**
	 * Image addresses pointing at the copy in the zip ({@code ../media/…}), so the
	 * Markdown shows them offline.
	 */
	private static String local(String text, Path work) {
		Matcher m = MEDIA_URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String file = "media/" + m.group(1) + "/full." + m.group(2);
			m.appendReplacement(out,
					Matcher.quoteReplacement(Files.isRegularFile(work.resolve(file)) ? "../" + file : m.group()));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String absolute(String url) {
		return url.startsWith("/") && !url.startsWith("//") ? publicUrl.absolute(url) : url;
	}

	private String readme(Creator creator) {
		return """
				Inkstone export of %s (%s), %s

				profile.json     your profile, follower count and totals
				articles.jsonl   your articles in Inkstone's import format (one JSON object a line), with the comments
				                 readers left on them (names as shown on the page; no e-mail or address)
				markdown/        each article as Markdown with YAML front matter
				media/           the images your articles use (full size)

				Import into another Inkstone site: java -jar inkstone.jar import articles.jsonl
				(run it in this directory, so the images are found).
				""".formatted(creator.displayName(), creator.handle(), SiteExporter.iso(clock.millis()));
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete {}", root, ex);
		}
	}

	private static String abbreviate(String value) {
		return value.length() > 400 ? value.substring(0, 400) + "…" : value;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
