package io.inkstone.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.Creators;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import io.inkstone.support.Databases;
import io.inkstone.support.Seed;
import io.inkstone.support.TestImages;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.inkstone.shared.Ids;

/**
 * {@code /studio/export}: a creator starts an export, watches its progress, downloads a
 * zip with their articles as Markdown with front matter and as JSON Lines (with the
 * comments on them, without anyone's e-mail), their images and their profile with the
 * follower count; nobody else can see or download it; it expires; and its JSON Lines
 * import into an empty site with the images and comments. Runs once per database (see the
 * subclasses).
 */
@Import(SignedInRoles.class)
abstract class CreatorExportContract {

	static final String PASSWORD = "correct-horse-1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	SignedInRoles roles;

	@Autowired
	Creators creators;

	@Autowired
	Media media;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CreatorExports exports;

	Browser browser() {
		return new Browser(port);
	}

	/**
	 * A creator account with its profile (what an approved 申请入驻 leaves behind), signed
	 * in.
	 */
	Browser creator(String handle) {
		return roles.creatorWithHandle(handle, "写港口的人");
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/**
	 * What a creator made, next to what others did: see {@link #madeByACreator()}.
	 */
	record Made(String handle, Browser creator, Browser other, MediaItem image, String published) {
	}

	/**
	 * A creator (signed in) with an image; a published article showing it (inline and as
	 * cover) with a tag and a comment by a reader whose e-mail must not leak; a draft; a
	 * follower. Next to it another creator (signed in) with an article of their own.
	 */
	Made madeByACreator() {
		String suffix = SignedInRoles.unique("");
		String handle = "gang" + suffix;
		Browser creator = creator(handle);
		Browser other = creator("other" + suffix);
		MediaItem image = media.upload(creators.get(handle).id(),
				TestImages.encode(TestImages.picture(320, 200), "jpg"), "港口灯火");
		String published = "港口的夜 " + suffix;
		Seed seed = new Seed(importer, jdbc);
		long article = seed.publish(Seed.article("ce-" + suffix + "-1")
			.creator(handle)
			.channel("travel")
			.title(published)
			.body("灯一盏盏亮起。\n\n![港口灯火](" + image.url().replace("/full.", "/480.") + ")")
			.publishedAt("2024-05-01T20:30:00+08:00")
			.tags("港口")
			.cover(image.url()));
		seed.publish(Seed.article("ce-" + suffix + "-2")
			.creator(handle)
			.channel("travel")
			.title("草稿 " + suffix)
			.body("还没写完")
			.publishedAt("2024-05-02T08:00:00+08:00")
			.status("draft"));
		seed.publish(Seed.article("ce-" + suffix + "-3")
			.creator("other" + suffix)
			.channel("travel")
			.title("别人的文章 " + suffix)
			.body("不是我的")
			.publishedAt("2024-05-03T08:00:00+08:00"));
		long reader = accounts.signUp("reader-secret-" + suffix + "@mail.example", PASSWORD, "读者丙", Role.READER)
			.orElseThrow()
			.accountId();
		jdbc.sql("INSERT INTO comments (id, article_id, parent_id, account_id, author_name, body, status, created_at)"
				+ " VALUES (:id, :article, NULL, :account, '读者丙', '写得真好', 'visible', :at)")
			.param("id", Ids.next())
			.param("article", article)
			.param("account", reader)
			.param("at", 1714567200000L)
			.update();
		creators.follow("follower-" + suffix, handle);
		return new Made(handle, creator, other, image, published);
	}

	/**
	 * Starts an export with the studio's button (CSRF token included); answers its id.
	 */
	String startExport(Browser creator) {
		creator.page("/studio/export");
		HttpResponse<String> started = creator.post("/studio/export", Map.of("_csrf", creator.csrfToken()));
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(location).endsWith("/studio/export/" + id);
		return id;
	}

	void awaitDone(Browser creator, String id) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> creator.get("/studio/export/" + id + "/status").body().contains("\"state\":\"done\""));
	}

	/** An export started and built; answers its id. */
	String finishedExport(Browser creator) {
		String id = startExport(creator);
		awaitDone(creator, id);
		return id;
	}

	/** The zip's entries by name, written out into a new directory. */
	static Path unpack(Map<String, byte[]> zip) throws IOException {
		Path unpacked = Files.createTempDirectory("creator-export-");
		for (Map.Entry<String, byte[]> e : zip.entrySet()) {
			Path file = unpacked.resolve(e.getKey());
			Files.createDirectories(file.getParent());
			Files.write(file, e.getValue());
		}
		return unpacked;
	}

	/** Runs the {@code import} command into this data directory; it must succeed. */
	static void runImport(Path dataDir, Path jsonLines) {
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = InkstoneApplication.runImport("--inkstone.data-dir=" + dataDir, jsonLines.toString());
		}
		finally {
			System.setOut(out);
		}
		assertThat(code).as(captured.toString(StandardCharsets.UTF_8)).isZero();
	}

	@Test
	void aCreatorStartsAnExportFromTheStudioAndWatchesItUpToItsDownloadLink() {
		Browser creator = madeByACreator().creator();
		Document index = creator.page("/studio/export").html();
		assertThat(index.select("[data-testid=export-form] button")).hasSize(1);
		assertThat(creator.page("/studio").html().select("a[data-testid=export-link][href=/studio/export]")).hasSize(1);
		// without the CSRF token nothing starts
		assertThat(creator.post("/studio/export", Map.of()).statusCode()).isEqualTo(403);
		String id = startExport(creator);
		Document show = creator.page("/studio/export/" + id).html();
		assertThat(show.select("[data-testid=export-progress]")).hasSize(1);
		awaitDone(creator, id);
		JsonNode status = JSON.readTree(creator.get("/studio/export/" + id + "/status").body());
		assertThat(status.get("percent").asInt()).isEqualTo(100);
		Document done = creator.page("/studio/export/" + id).html();
		assertThat(done.select("a[data-testid=export-download]").attr("href"))
			.isEqualTo("/studio/export/" + id + "/download");
		assertThat(creator.page("/studio/export").html().select("tr[data-testid=export-row][data-state=done]"))
			.hasSize(1);
	}

	@Test
	void nobodyButTheCreatorSeesOrDownloadsTheirExport() {
		Made made = madeByACreator();
		String id = finishedExport(made.creator());
		// another creator, a stranger, a malformed id
		Browser other = made.other();
		assertThat(other.get("/studio/export/" + id + "/download").statusCode()).isEqualTo(404);
		assertThat(other.get("/studio/export/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/studio/export/" + id + "/status").statusCode()).isEqualTo(404);
		HttpResponse<byte[]> anonymous = browser().getBytes("/studio/export/" + id + "/download");
		assertThat(anonymous.statusCode()).isIn(302, 401, 403, 404);
		assertThat(new String(anonymous.body(), StandardCharsets.ISO_8859_1)).doesNotStartWith("PK");
		assertThat(made.creator().get("/studio/export/not-a-number/download").statusCode()).isEqualTo(404);
	}

	@Test
	void theZipHoldsTheCreatorsArticlesImagesCommentsAndProfileButNobodysEmail() throws IOException {
		Made made = madeByACreator();
		String id = finishedExport(made.creator());
		HttpResponse<byte[]> download = made.creator().getBytes("/studio/export/" + id + "/download");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		Map<String, byte[]> zip = unzip(download.body());
		String image = "media/" + made.image().sha256() + "/full.jpg";
		assertThat(zip.keySet()).contains("README.txt", "profile.json", "articles.jsonl", image);
		String everything = zip.values()
			.stream()
			.map(b -> new String(b, StandardCharsets.UTF_8))
			.reduce("", String::concat);
		assertThat(everything).doesNotContain("reader-secret").doesNotContain("别人的文章").contains("写得真好");
		JsonNode profile = JSON.readTree(zip.get("profile.json"));
		assertThat(profile.get("handle").asString()).isEqualTo(made.handle());
		assertThat(profile.get("tagline").asString()).isEqualTo("写港口的人");
		assertThat(profile.get("followers").asLong()).isEqualTo(1);
		assertThat(profile.get("articles").asLong()).isEqualTo(2);
		assertThat(new String(zip.get("articles.jsonl"), StandardCharsets.UTF_8).lines()).hasSize(2);
		List<String> markdown = zip.keySet()
			.stream()
			.filter(n -> n.startsWith("markdown/") && n.endsWith(".md"))
			.toList();
		assertThat(markdown).hasSize(2);
		String post = markdown.stream()
			.map(n -> new String(zip.get(n), StandardCharsets.UTF_8))
			.filter(t -> t.contains(made.published()))
			.findFirst()
			.orElseThrow();
		assertThat(post).startsWith("---\n")
			.contains("title: " + made.published())
			.contains("status: published")
			.contains("- 港口")
			.contains("../" + image)
			.contains("灯一盏盏亮起。");
	}

	@Test
	void theZipsJsonLinesImportIntoAnEmptySiteWithTheImagesAndComments() throws IOException {
		Made made = madeByACreator();
		String id = finishedExport(made.creator());
		HttpResponse<byte[]> download = made.creator().getBytes("/studio/export/" + id + "/download");
		assertThat(download.statusCode()).isEqualTo(200);
		Path unpacked = unpack(unzip(download.body()));
		Path empty = Databases.freshDataDir();
		runImport(empty, unpacked.resolve("articles.jsonl"));
		JdbcClient site = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + empty.resolve("inkstone.db")));
		assertThat(site.sql("SELECT title FROM articles WHERE status = 'published'").query(String.class).list())
			.containsExactly(made.published());
		assertThat(site.sql("SELECT COUNT(*) FROM articles WHERE status = 'draft'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(site.sql("SELECT author_name || ':' || body FROM comments").query(String.class).list())
			.containsExactly("读者丙:写得真好");
		String body = site.sql("SELECT body_markdown FROM articles WHERE status = 'published'")
			.query(String.class)
			.single();
		String sha = body.replaceAll("(?s).*/media/([0-9a-f]{64})/.*", "$1");
		assertThat(site.sql("SELECT COUNT(*) FROM media WHERE sha256 = :s").param("s", sha).query(Long.class).single())
			.isOne();
	}

	@Test
	void anExpiredExportAnswers410AndIsListedAsExpired() {
		Browser creator = creator(SignedInRoles.unique("exp"));
		String id = finishedExport(creator);
		jdbc.sql("UPDATE creator_exports SET expires_at = :past WHERE id = :id")
			.param("past", System.currentTimeMillis() - 1000)
			.param("id", Long.parseLong(id))
			.update();
		assertThat(creator.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);
		assertThat(creator.page("/studio/export").html().select("tr[data-testid=export-row][data-state=expired]"))
			.hasSize(1);
	}

	@Test
	void theHourlyCleanUpDeletesExpiredZipsAndInterruptedBuildsButKeepsLiveOnes() throws IOException {
		String handle = "tidy" + (System.nanoTime() % 1_000_000);
		creator(handle);
		long creatorId = creators.get(handle).id();
		long now = System.currentTimeMillis();
		long expired = export(creatorId, "done", now - 1000, now - 1000);
		long live = export(creatorId, "done", now, now + 86_400_000L);
		long interrupted = export(creatorId, "running", now - CreatorExports.STALE.toMillis() - 60_000, null);
		long building = export(creatorId, "running", now, null);
		long deleted = Ids.next();
		Path expiredZip = touch(exports.zip(expired));
		Path liveZip = touch(exports.zip(live));
		Path interruptedWork = Files.createDirectories(exports.zip(interrupted).resolveSibling(interrupted + ".work"));
		touch(interruptedWork.resolve("articles.jsonl"));
		Path interruptedPart = touch(exports.zip(interrupted).resolveSibling(interrupted + ".zip.part"));
		Path buildingPart = touch(exports.zip(building).resolveSibling(building + ".zip.part"));
		Path orphanZip = touch(exports.zip(deleted));
		Path unrelated = touch(exports.zip(live).resolveSibling("README.txt"));

		exports.cleanUp();

		assertThat(expiredZip).doesNotExist();
		assertThat(interruptedWork).doesNotExist();
		assertThat(interruptedPart).doesNotExist();
		assertThat(orphanZip).doesNotExist();
		assertThat(liveZip).exists();
		assertThat(buildingPart).exists();
		assertThat(unrelated).exists();
		assertThat(jdbc.sql("SELECT state FROM creator_exports WHERE id = :id")
			.param("id", expired)
			.query(String.class)
			.single()).isEqualTo("expired");
	}

	long export(long creatorId, String state, long updatedAt, Long expiresAt) {
		long id = Ids.next();
		jdbc.sql("INSERT INTO creator_exports (id, creator_id, state, done, total, bytes, created_at, updated_at,"
				+ " expires_at) VALUES (:id, :creator, :state, 0, 0, 0, :at, :at, :expires)")
			.param("id", id)
			.param("creator", creatorId)
			.param("state", state)
			.param("at", updatedAt)
			.param("expires", expiresAt, Types.BIGINT)
			.update();
		return id;
	}

	static Path touch(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, new byte[] { 1 });
	}

	@Test
	void aCreatorStartsAFewExportsADay() {
		String handle = "busy" + (System.nanoTime() % 1_000_000);
		Browser creator = creator(handle);
		long creatorId = creators.get(handle).id();
		for (int i = 0; i < CreatorExports.PER_DAY; i++) {
			jdbc.sql(
					"INSERT INTO creator_exports (id, creator_id, state, done, total, bytes, created_at, updated_at, expires_at)"
							+ " VALUES (:id, :creator, 'done', 0, 0, 0, :now, :now, :later)")
				.param("id", Ids.next())
				.param("creator", creatorId)
				.param("now", System.currentTimeMillis() - 1000)
				.param("later", System.currentTimeMillis() + 86_400_000L)
				.update();
		}
		creator.page("/studio/export");
		HttpResponse<String> refused = creator.post("/studio/export", Map.of("_csrf", creator.csrfToken()));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_exports WHERE creator_id = :c")
			.param("c", creatorId)
			.query(Long.class)
			.single()).isEqualTo(CreatorExports.PER_DAY);
	}

	@Test
	void someoneWhoIsNotACreatorHasNoExport() {
		assertThat(browser().get("/studio/export").statusCode()).isIn(302, 401, 403);
		Browser reader = browser();
		String email = "plain-" + System.nanoTime() + "@inkstone.test";
		accounts.signUp(email, PASSWORD, "读者", Role.READER).orElseThrow();
		reader.page("/login");
		reader.post("/login", Map.of("_csrf", reader.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(reader.get("/studio/export").statusCode()).isIn(403, 404);
		assertThat(reader.post("/studio/export", Map.of("_csrf", reader.csrfToken())).statusCode()).isIn(403, 404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM creator_exports WHERE creator_id = 0").query(Long.class).single())
			.isZero();
	}

}
